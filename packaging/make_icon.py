"""Draw the app icon (packaging/windows/shenpian.ico): 审 in white on the campaign's red.

Run once when the design changes; the .ico is checked in so a build needs no drawing step.
Uses the CJK font the app ships, so it looks the same on every machine that runs it.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
FONT = HERE.parent / "resources" / "fonts" / "NotoSansCJKsc-Regular.otf"
TARGET = HERE / "windows" / "shenpian.ico"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def draw(size: int = 256) -> Image.Image:
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle((0, 0, size - 1, size - 1), radius=size // 6, fill=(192, 40, 40, 255))
    font = ImageFont.truetype(str(FONT), int(size * 0.72))
    pen.text((size / 2, size / 2), "审", font=font, fill="white", anchor="mm")
    return image


def main() -> None:
    draw().save(TARGET, sizes=[(s, s) for s in SIZES])
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
