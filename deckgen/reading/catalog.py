"""The catalog: a sources.toml beside the texts gives each file a short name and script."""

from __future__ import annotations

from pathlib import Path

from deckgen.errors import SourceError
from deckgen.records import Script

CATALOG_NAME = "sources.toml"


def _catalog_entry(path: Path) -> dict:
    catalog = path.parent / CATALOG_NAME
    if not catalog.is_file():
        return {}
    import tomllib

    try:
        with catalog.open("rb") as handle:
            tables = tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise SourceError(
            f"the catalog is not valid TOML ({error})", path=catalog, hint="Fix the catalog or remove it."
        ) from None
    except RecursionError:
        raise SourceError("the catalog's tables are nested too deeply to read", path=catalog,
                          hint='Give each file a flat table: ["a.txt"] name = "…"') from None
    except (OSError, UnicodeDecodeError) as error:
        raise SourceError(f"cannot read the catalog ({error})", path=catalog, hint="Check the file.") from None
    entry = tables.get(path.name, {})
    if not isinstance(entry, dict):
        raise SourceError(
            f"the entry for {path.name!r} must be a table", path=catalog, hint=f'Write it as ["{path.name}"].'
        )
    if "name" in entry and not (isinstance(entry["name"], str) and entry["name"].strip()):
        raise SourceError(f"the name for {path.name!r} must be non-empty text", path=catalog)
    return entry


def _catalog_script(entry: dict, path: Path) -> Script | None:
    value = entry.get("script")
    if value is None:
        return None
    try:
        return Script(str(value).strip().lower())
    except ValueError:
        raise SourceError(
            f"unknown script {value!r} for {path.name!r}",
            path=path.parent / CATALOG_NAME,
            hint='Write script = "simplified" or script = "traditional".',
        ) from None
