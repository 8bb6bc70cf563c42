"""The guidance note as data: one TOML file per page in `guidance/`, plus `site.toml` for the
home page and the index. This turns them into the page fields and StreamField JSON that
`loader.py` writes. A file that cannot be read is an error naming the file and the problem."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

GUIDANCE_DIR = Path(__file__).resolve().parent / "guidance"
SITE_FILE = "site.toml"


class GuidanceFileError(ValueError):
    pass


@dataclass(frozen=True)
class GuidanceContent:
    home: dict
    index: dict
    pages: list[dict]


def _block(item: dict, where: str) -> dict:
    kind = item.get("type")
    if kind == "text":
        return {"type": "text", "value": item["html"].strip()}
    if kind == "callout":
        value = {"kind": item["kind"], "heading": item["heading"], "text": item["html"].strip()}
        return {"type": "callout", "value": value}
    if kind == "team":
        keys = ("name", "anchor", "summary", "duties", "contact")
        return {"type": "team", "value": {key: item.get(key, "") for key in keys}}
    if kind == "rag_table":
        value = {"caption": item["caption"]}
        value.update({k: item.get(k, "").strip() for k in ("green_note", "amber_note", "red_note")})
        return {"type": "rag_table", "value": value}
    raise GuidanceFileError(f"{where}: unknown content type {kind!r}")


def _page(path: Path) -> dict:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        body = [
            {
                "type": "section",
                "value": {
                    "heading": section["heading"],
                    "anchor": section["anchor"],
                    "content": [
                        _block(item, f"{path.name}, section {section['anchor']!r}")
                        for item in section.get("content", [])
                    ],
                },
            }
            for section in data.get("section", [])
        ]
        return {
            "title": data["title"],
            "slug": data["slug"],
            "summary": data.get("summary", ""),
            "body": body,
        }
    except (tomllib.TOMLDecodeError, KeyError, TypeError) as exc:
        raise GuidanceFileError(f"{path.name}: {type(exc).__name__}: {exc}") from None


def read_guidance(directory: Path = GUIDANCE_DIR) -> GuidanceContent:
    """Pages in file-name order (the files are numbered), which is their order on the site."""
    try:
        site = tomllib.loads((directory / SITE_FILE).read_text(encoding="utf-8"))
        home = {"title": site["home"]["title"], "intro": site["home"]["intro"].strip()}
        index = {k: site["index"][k].strip() for k in ("title", "slug", "intro")}
    except (OSError, tomllib.TOMLDecodeError, KeyError) as exc:
        raise GuidanceFileError(f"{SITE_FILE}: {type(exc).__name__}: {exc}") from None
    pages = [_page(path) for path in sorted(directory.glob("*.toml")) if path.name != SITE_FILE]
    return GuidanceContent(home=home, index=index, pages=pages)
