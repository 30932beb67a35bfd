#include "equilibria/io/text_file.hpp"

#include <cstdio>
#include <fstream>

#include "equilibria/core/input_error.hpp"

namespace equilibria {

std::string read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, 0, "cannot open file");
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  if (size < 0) throw InputError(path, 0, "cannot read file (is it a directory?)");
  if (size > kMaxGameFileBytes) throw InputError(path, 0, "file larger than " + std::to_string(kMaxGameFileBytes) + " bytes");
  in.seekg(0, std::ios::beg);
  std::string text(static_cast<std::size_t>(size), '\0');
  if (size > 0 && !in.read(text.data(), size)) throw InputError(path, 0, "cannot read file");
  return text;
}

void write_text_file(const std::string& path, const std::string& bytes) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary);
    if (!out || !out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()))) {
      throw InputError(path, 0, "cannot write file");
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) throw InputError(path, 0, "cannot write file");
}

}  // namespace equilibria
