// Whole-file reads and writes on odd targets: directories, FIFOs without a
// writer, symbolic links, failing renames and leftover temporaries.
#include "equilibria/io/text_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <thread>

#include "equilibria/core/input_error.hpp"

namespace equilibria {
namespace {

namespace fs = std::filesystem;

class TextFile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("equilibria_text_file_" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  std::vector<std::string> entries() const {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir_)) out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
  }
  fs::path dir_;
};

std::string cause_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.cause();
  }
  return "no error";
}

std::string slurp(const std::string& p) {
  std::ifstream in(p);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST_F(TextFile, ADirectoryIsCalledADirectory) {
  EXPECT_EQ(cause_of([&] { read_text_file(dir_.string()); }), "is a directory");
  EXPECT_EQ(cause_of([&] { read_text_file(path("missing")); }), "cannot open file");
}

TEST_F(TextFile, AFifoWithoutAWriterIsRefusedInsteadOfHanging) {
  const std::string fifo = path("game.nfg");
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  EXPECT_NE(cause_of([&] { read_text_file(fifo, 0.2); }).find("no data for"), std::string::npos);
  // With a writer it is read like a file.
  std::thread writer([&] {
    std::ofstream out(fifo);
    out << "NFG 1 R \"\" { \"a\" } { 1 }\n0\n";
  });
  EXPECT_EQ(read_text_file(fifo, 10), "NFG 1 R \"\" { \"a\" } { 1 }\n0\n");
  writer.join();
}

TEST_F(TextFile, WritesFollowSymbolicLinksAndKeepThem) {
  fs::create_directories(dir_ / "real");
  fs::create_symlink("real/out.json", dir_ / "link.json");
  write_text_file(path("link.json"), "one\n");
  write_text_file(path("link.json"), "two\n");
  EXPECT_TRUE(fs::is_symlink(dir_ / "link.json"));
  EXPECT_EQ(slurp(path("real/out.json")), "two\n");
  EXPECT_EQ(entries(), (std::vector<std::string>{"link.json", "real"}));
}

TEST_F(TextFile, AFifoIsWrittenThroughNotReplaced) {
  const std::string fifo = path("out.fifo");
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  fs::create_symlink("out.fifo", dir_ / "link");
  std::string got;
  std::thread reader([&] { got = slurp(fifo); });
  write_text_file(path("link"), "through\n");
  reader.join();
  EXPECT_EQ(got, "through\n");
  EXPECT_TRUE(fs::is_fifo(fifo));
  EXPECT_TRUE(fs::is_symlink(dir_ / "link"));
}

TEST_F(TextFile, AFailedRenameLeavesNoTemporary) {
  fs::create_directories(dir_ / "target" / "inside");
  EXPECT_NE(cause_of([&] { write_text_file(path("target"), "x"); }).find("cannot write file"), std::string::npos);
  EXPECT_EQ(entries(), std::vector<std::string>{"target"});
  EXPECT_NE(cause_of([&] { write_text_file(path("no/such/dir/file"), "x"); }).find("cannot write file"),
            std::string::npos);
}

TEST_F(TextFile, ReplacingAFileKeepsItsPermissionsAndLeavesNothingBeside) {
  const std::string file = path("state.bin");
  write_text_file(file, "first");
  ASSERT_EQ(chmod(file.c_str(), 0640), 0);
  write_text_file(file, "second");
  EXPECT_EQ(slurp(file), "second");
  EXPECT_EQ(fs::status(file).permissions(), fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  EXPECT_EQ(entries(), std::vector<std::string>{"state.bin"});
}

}  // namespace
}  // namespace equilibria
