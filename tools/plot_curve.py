#!/usr/bin/python3
"""Draws convergence curves (CSV files written by `equilibria solve --log`:
exploitability, gap or residual) as a PNG (or PDF/SVG, by the output's
extension or --output-name's), log-log, against iterations, seconds or
component calls; `-o -` writes the image to standard output. Called by
`equilibria plot`; needs Debian's python3-matplotlib.

Every failure is one line on stderr, `WHAT<TAB>CAUSE` (WHAT: the file at
fault), and exit status 2; `equilibria plot` turns it into its own message."""
import argparse
import csv
import io
import os
import sys


class Failure(Exception):
    def __init__(self, what, cause):
        super().__init__(cause)
        self.what, self.cause = what, cause


# The measures solve --log writes, one per curve: CFR's exploitability,
# no-regret dynamics' gap, first-order methods' residual.
MEASURES = ("exploitability", "gap", "residual")


def read_curve(path, column):
    xs, ys = [], []
    try:
        with open(path, newline="") as f:
            reader = csv.DictReader(f)
            fields = set(reader.fieldnames or ())
            measure = next((m for m in MEASURES if m in fields), None)
            if reader.fieldnames is not None and (column not in fields or measure is None):
                raise Failure(path, "not a curve written by 'equilibria solve --log' (its header lacks %s or "
                                    "one of %s)" % (column, ", ".join(MEASURES)))
            for row in reader:
                try:
                    x, y = float(row[column]), float(row[measure])
                except (KeyError, TypeError, ValueError):
                    raise Failure(path, "line %d: not a curve written by 'equilibria solve --log' "
                                        "(needs numeric %s and %s columns)" % (reader.line_num, column, measure))
                if x > 0 and y > 0 and x != float("inf") and y != float("inf"):
                    xs.append(x)
                    ys.append(y)
    except OSError as e:
        raise Failure(path, e.strerror or str(e))
    except (UnicodeDecodeError, csv.Error) as e:
        raise Failure(path, "not a curve written by 'equilibria solve --log' (%s)" % e)
    if not xs:
        raise Failure(path, "no points to draw (a curve needs positive, finite values)")
    return xs, ys, measure


def draw(args):
    curves = [(path, read_curve(path, args.x)) for path in args.curves]
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError as e:
        raise Failure("matplotlib", "cannot be imported (%s; Debian: apt-get install python3-matplotlib)" % e)
    fig, ax = plt.subplots(figsize=(7, 4.5), dpi=120)
    for path, (xs, ys, _) in curves:
        ax.plot(xs, ys, marker="o", markersize=3, label=os.path.splitext(os.path.basename(path))[0])
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel({"iteration": "iterations", "seconds": "seconds", "component_calls": "component calls"}[args.x])
    ax.set_ylabel(" / ".join(sorted({measure for _, (_, _, measure) in curves})))
    ax.grid(True, which="both", alpha=0.3)
    ax.legend()
    if args.title:
        ax.set_title(args.title)
    fig.tight_layout()
    # The format is named, so matplotlib never appends ".png" to the name given.
    ext = os.path.splitext(args.output_name or args.output)[1].lower().lstrip(".")
    fmt = ext if ext in ("png", "pdf", "svg") else "png"
    image = io.BytesIO()
    fig.savefig(image, format=fmt)
    if args.output == "-":
        sys.stdout.buffer.write(image.getvalue())
        sys.stdout.buffer.flush()
        return
    try:
        with open(args.output, "wb") as f:
            f.write(image.getvalue())
    except OSError as e:
        raise Failure(args.output, e.strerror or str(e))


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("curves", nargs="+")
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("--x", choices=["iteration", "seconds", "component_calls"], default="iteration")
    ap.add_argument("--title", default="")
    ap.add_argument("--output-name", default="", help="the name whose extension picks the format (default: --output)")
    args = ap.parse_args()
    try:
        draw(args)
    except Failure as f:
        what, cause = f.what, f.cause
    except Exception as e:  # noqa: BLE001 -- whatever else goes wrong is still one line
        what, cause = args.output, "drawing failed: %s: %s" % (type(e).__name__, e)
    else:
        return 0
    sys.stderr.write("%s\t%s\n" % (what, " ".join(str(cause).split())))
    return 2


if __name__ == "__main__":
    sys.exit(main())
