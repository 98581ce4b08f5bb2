"""The isolated reader: ``python -m db.extract.child`` (started only by ``isolated.py``).

Reads one JSON header line and the document's bytes from stdin, limits its own memory
and CPU time *before* touching those bytes, does the one job asked and prints a JSON
answer: the result, or {"error": "one line"} for a file it can read but refuses. A file
that makes it crash or run out of its limits ends it; the parent says so.
"""

from __future__ import annotations

import base64
import json
import resource
import sys
from typing import Any


def _limit(memory_mb: int, cpu_seconds: int) -> None:
    memory = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _job(job: str, data: bytes, params: dict[str, Any]) -> dict[str, Any]:
    from db.extract import extract
    from db.extract.base import ExtractionError, extracted_to_json
    from db.extract.images import IMAGE_MIMES, crop_image, vet_image
    from db.extract.ocr import ocr_page
    from db.extract.pdf import render_region, vet_pdf

    if job == "extract":
        return extracted_to_json(extract(str(params.get("file_name", "")), data))
    if job == "vet_pdf":
        return vet_pdf(data)
    if job == "page_html":  # the HTML page a saved web page (MHTML) holds, decoded
        from db.extract.web import mhtml_html

        return {"html": mhtml_html(data)[0]}
    if job == "vet_image":
        return vet_image(data)
    if job == "ocr_page":
        return ocr_page(data, str(params["mime"]), int(params["page"]),
                        str(params["languages"]), int(params.get("dpi", 300)))
    if job == "crops":  # passages cut from their pages, for a printed summary
        scale, images = float(params["scale"]), []
        for page, box in params["crops"]:
            if params.get("mime") in IMAGE_MIMES:
                png = crop_image(data, int(page), list(box))
            else:
                png = render_region(data, int(page), list(box), scale)
            images.append(base64.b64encode(png).decode("ascii"))
        return {"png": images}
    raise ExtractionError(f"unknown job {job!r}")


def main() -> int:
    stream = sys.stdin.buffer
    header = json.loads(stream.readline())
    _limit(int(header["memory_mb"]), int(header["cpu_seconds"]))
    data = stream.read()
    from db.extract.base import ExtractionError

    try:
        answer = _job(str(header["job"]), data, dict(header.get("params") or {}))
    except ExtractionError as error:
        answer = {"error": str(error)}
    except RecursionError:
        answer = {"error": "it is nested too deeply to read"}
    except MemoryError:
        raise
    except Exception as error:  # a parser's own surprise: one line, never a traceback
        answer = {"error": f"it could not be read ({type(error).__name__}: "
                           f"{str(error)[:200]})"}
    sys.stdout.write(json.dumps(answer))
    return 0


if __name__ == "__main__":
    sys.exit(main())
