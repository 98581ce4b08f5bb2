"""Images as documents (a photographed or scanned page): their pages and their pixels.

An image has no text of its own; it comes in needing OCR. Decoding runs only in the
isolated child, with Pillow's own bound on pixels as a second guard.
"""

from __future__ import annotations

import io

from db.extract.base import Extracted, ExtractionError, PageGeometry

IMAGE_MIMES = frozenset({"image/png", "image/jpeg", "image/tiff", "image/gif", "image/bmp",
                         "image/webp"})
MAX_PIXELS = 80_000_000  # a 600 dpi A3 scan is ~70 million


def open_image(data: bytes, page: int = 1):
    """Frame ``page`` (1-based) of the image, decoded; ExtractionError when unreadable."""
    try:
        from PIL import Image, UnidentifiedImageError
    except ImportError as error:  # pragma: no cover - Pillow comes with pytesseract
        raise ExtractionError("image support is not installed") from error
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        image = Image.open(io.BytesIO(data))
        if image.width * image.height > MAX_PIXELS:
            raise ExtractionError(f"the image is too large ({image.width}×{image.height})")
        image.seek(page - 1)
        image.load()
    except UnidentifiedImageError as error:
        raise ExtractionError("the image could not be read (broken, or of an unknown "
                              "kind)") from error
    except (Image.DecompressionBombError, OSError, EOFError, SyntaxError,
            ValueError) as error:
        raise ExtractionError(f"the image could not be read ({error})") from error
    return image


def frame_count(data: bytes) -> int:
    image = open_image(data)
    return max(1, int(getattr(image, "n_frames", 1)))


def image_document(data: bytes, mime: str) -> Extracted:
    """An image with its pages' sizes and no text yet: OCR gives it text."""
    geometry = []
    for page in range(1, frame_count(data) + 1):
        image = open_image(data, page)
        geometry.append(PageGeometry(page, float(image.width), float(image.height), "ocr"))
    return Extracted("", mime, [[0, 0]] * len(geometry), geometry=geometry, needs_ocr=True)


def vet_image(data: bytes) -> dict[str, object]:
    return {"pages": [[g.width, g.height] for g in image_document(data, "").geometry]}


def crop_image(data: bytes, page: int, box: list[float]) -> bytes:
    image = open_image(data, page)
    x0, y0, x1, y1 = (int(round(v)) for v in box)
    region = image.crop((max(0, x0), max(0, y0), min(image.width, x1), min(image.height, y1)))
    # Drawn at 144 dpi like a PDF's passages, so print sizes match (200 dpi if unstated).
    dpi = float((image.info.get("dpi") or (200, 200))[0] or 200)
    if abs(dpi - 144) > 1:
        size = (max(1, round(region.width * 144 / dpi)), max(1, round(region.height * 144 / dpi)))
        region = region.resize(size)
    out = io.BytesIO()
    region.convert("RGB").save(out, "PNG")
    return out.getvalue()
