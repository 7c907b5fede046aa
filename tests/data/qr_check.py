#!/usr/bin/env python3
"""Reference data and decoding checks for src/support/qr.rs (run by hand, not by CI).

Needs a virtualenv with `qrcodegen qrcode zxing-cpp pyzbar pillow` and the
Debian package libzbar0:

    python3 -m venv .tmp/qrvenv
    .tmp/qrvenv/bin/pip install qrcodegen qrcode zxing-cpp pyzbar pillow
    apt-get install -y libzbar0

    .tmp/qrvenv/bin/python tests/data/qr_check.py vectors   # rewrites tests/data/qr_vectors.txt
    .tmp/qrvenv/bin/python tests/data/qr_check.py decode    # decodes the app's own SVG output

`vectors` writes whole symbols made by Nayuki's qrcodegen (mask chosen by
its penalty score, or forced), each checked module for module against
python-qrcode with the same version, level and mask (segno 1.6 was tried
too and draws different data modules for the same input, so it is not
used). `decode` has
`cargo run --example qr_svg` draw links and texts as the app's SVG path,
rasterises the path and reads it back with two independent decoders
(zxing-cpp and ZBar).
"""
import random
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "tests" / "data" / "qr_vectors.txt"


def inputs():
    rnd = random.Random(2024)
    yield b"HELLO WORLD", "M", None
    yield b"", "L", None
    yield b"https://example.org/", "M", None
    yield "忠诚实验室 · Loyalty Lab".encode(), "L", None
    link = (b"http://127.0.0.1:8096/#/smith?weekly=50&weeks=52&years=10&reach_lo=10&reach_hi=20"
            b"&influenced=0.5&second=5&stop=0.25&margin=0.2&cac_multiple=5&currency=usd&seed=2024&lang=en")
    yield link, "M", None
    yield link + b"&compare=50%2C52%2C10%2C10%2C20%2C0.5%2C5%2C0.25%2C0.2%2C5", "M", None
    for n, ecc in [(14, "M"), (17, "L"), (40, "M"), (80, "L"), (120, "M"), (154, "M"), (155, "M"),
                   (300, "L"), (412, "M"), (666, "M"), (1000, "L"), (2331, "M")]:
        yield bytes(rnd.randrange(256) for _ in range(n)), ecc, None
    for mask in range(8):
        yield f"mask {mask}: https://example.org/#/mirror?training=80".encode(), "ML"[mask % 2], mask


def rows_of(qr_get, size):
    return ["".join("1" if qr_get(x, y) else "0" for x in range(size)) for y in range(size)]


def vectors():
    import qrcodegen
    import qrcode
    lines = ["# ecc version mask data-hex, then one line per row: the row's modules as bits (1 = dark), in hex,",
             "# padded with zero bits to a multiple of 4. Made by tests/data/qr_check.py vectors (qrcodegen 1.8,",
             "# checked against python-qrcode). Do not edit by hand."]
    for data, ecc, mask in inputs():
        level = {"L": qrcodegen.QrCode.Ecc.LOW, "M": qrcodegen.QrCode.Ecc.MEDIUM}[ecc]
        segs = [qrcodegen.QrSegment.make_bytes(data)]
        qr = qrcodegen.QrCode.encode_segments(segs, level, 1, 40, -1 if mask is None else mask, False)
        size = qr.get_size()
        rows = rows_of(qr.get_module, size)
        level2 = {"L": qrcode.constants.ERROR_CORRECT_L, "M": qrcode.constants.ERROR_CORRECT_M}[ecc]
        ref = qrcode.QRCode(version=qr.get_version(), error_correction=level2, border=0, mask_pattern=qr.get_mask())
        ref.add_data(qrcode.util.QRData(data, mode=qrcode.util.MODE_8BIT_BYTE))
        ref.make(fit=False)
        ref_rows = ["".join("1" if v else "0" for v in r) for r in ref.get_matrix()]
        assert ref_rows == rows, f"python-qrcode and qrcodegen differ for {data!r}"
        lines.append(f"{ecc} {qr.get_version()} {qr.get_mask()} {data.hex() or '-'}")
        for r in rows:
            bits = r + "0" * (-len(r) % 4)
            lines.append("%0*x" % (len(bits) // 4, int(bits, 2)))
        print(f"{ecc} v{qr.get_version():<2} mask {qr.get_mask()} {len(data)} bytes", file=sys.stderr)
    OUT.write_text("\n".join(lines) + "\n")
    print(f"wrote {OUT.relative_to(ROOT)}", file=sys.stderr)


def raster(path, side, scale=6):
    from PIL import Image, ImageDraw
    img = Image.new("L", (side * scale, side * scale), 255)
    draw = ImageDraw.Draw(img)
    # The path is a list of "Mx,yhNv1h-Nz" runs.
    for run in path.split("z"):
        if not run:
            continue
        head, rest = run[1:].split("h", 1)
        x, y = map(int, head.split(","))
        n = int(rest.split("v")[0])
        draw.rectangle([x * scale, y * scale, (x + n) * scale - 1, (y + 1) * scale - 1], fill=0)
    return img


def decode():
    import zxingcpp
    from pyzbar import pyzbar
    rnd = random.Random(7)
    texts = ["HELLO WORLD", "https://example.org/", "忠诚实验室 · Loyalty Lab"]
    texts += ["http://127.0.0.1:8096/#/mirror?" + "&".join(f"k{i}={rnd.randrange(10**6)}" for i in range(n))
              for n in (3, 10, 20, 40, 60)]
    texts += ["".join(rnd.choice("abcdefghijklmnopqrstuvwxyz0123456789-._~%&=?#/") for _ in range(n))
              for n in (1, 50, 100, 200, 300, 400, 500, 600, 650, 800, 850)]
    out = subprocess.run(["cargo", "run", "--quiet", "--example", "qr_svg"], cwd=ROOT, check=True,
                         input="\n".join(texts) + "\n", capture_output=True, text=True).stdout.splitlines()
    assert len(out) == len(texts), out
    failed = 0
    for text, line in zip(texts, out):
        side, version, ecc, path = line.split(" ", 3)
        img = raster(path, int(side))
        z = [r.text for r in zxingcpp.read_barcodes(img, formats=zxingcpp.BarcodeFormat.QRCode)]
        b = [r.data.decode("utf-8") for r in pyzbar.decode(img)]
        ok = z == [text] and b == [text]
        failed += not ok
        print(f"{'ok  ' if ok else 'FAIL'} v{version:<2} {ecc} {len(text.encode()):4} bytes  zxing={z == [text]} zbar={b == [text]}")
    print(f"{len(texts) - failed} decoded, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    {"vectors": vectors, "decode": decode}[sys.argv[1] if len(sys.argv) > 1 else "vectors"]()
