"""Small, valid sample files for the example content, written by hand (no dependency).

The bytes depend only on the arguments (no timestamps), so a file describes its
evidence the same way on every machine.
"""

import csv
import io
import struct
import textwrap
import zlib

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4, in points
MARGIN = 56
LINE_WIDTH_CHARS = 92


def _pdf_text(text):
    """A PDF literal string in WinAnsi (Latin-1 covers the example's text)."""
    raw = text.encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def make_pdf(title, paragraphs, author="Town of Hautrive-sur-Meuse"):
    """A one-page PDF 1.4 document: a bold title and wrapped paragraphs of Helvetica."""
    lines = []
    for paragraph in paragraphs:
        lines.extend(textwrap.wrap(paragraph, LINE_WIDTH_CHARS) or [""])
        lines.append("")
    lines = lines[:60]  # one page is plenty for a sample

    content = [b"BT", b"/F1 16 Tf", f"{MARGIN} {PAGE_HEIGHT - MARGIN - 16} Td".encode()]
    content += [_pdf_text(title) + b" Tj", b"/F2 10.5 Tf", b"15 TL", b"0 -10 Td"]
    content += [_pdf_text(line) + b" '" for line in lines]
    content.append(b"ET")
    stream = b"\n".join(content)

    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /Lang (en) >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] "
            "/Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>"
        ).encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Title " + _pdf_text(title) + b" /Author " + _pdf_text(author) + b" >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref_at = len(out)
    out += b"xref\n0 %d\n" % (len(objects) + 1)
    out += b"0000000000 65535 f \n"
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\n" % (len(objects) + 1, len(objects))
    out += b"startxref\n%d\n%%%%EOF\n" % xref_at
    return bytes(out)


def make_csv(header, rows):
    """CSV text (UTF-8, CRLF as RFC 4180 says) from a header and rows of plain values."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def _png_chunk(kind, data):
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def make_bar_chart_png(values, width=360, height=200, colour=(31, 95, 140)):
    """An RGB PNG with one bar per value (scaled to the largest), on a light background."""
    background, axis = (246, 248, 250), (60, 60, 60)
    top = max(values) or 1
    slot = (width - 40) // max(len(values), 1)
    bar_heights = [int((height - 40) * value / top) for value in values]
    rows = []
    for y in range(height):
        row = bytearray([0])  # filter type: none
        for x in range(width):
            pixel = background
            if y == height - 20 and x >= 20:
                pixel = axis
            else:
                index, offset = divmod(x - 20, slot)
                if (
                    x >= 20
                    and index < len(values)
                    and slot // 6 <= offset < slot - slot // 6
                    and height - 20 - bar_heights[index] <= y < height - 20
                ):
                    pixel = colour
            row += bytes(pixel)
        rows.append(bytes(row))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
        + _png_chunk(b"IEND", b"")
    )
