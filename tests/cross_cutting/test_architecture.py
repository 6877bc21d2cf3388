"""The tree is the map of the domain, and its layers import in one direction.

pages/ and app.py -> ui/ -> spoor2/ ; inside spoor2: the CLI -> the store -> the capability packages
-> the shared modules (dates, errors, i18n, model, paths). spoor2 never imports Streamlit.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

CAPABILITIES = (
    "timeline",
    "rights",
    "orientation",
    "tracker",
    "questions",
    "my_file",
    "journal",
    "applying",
    "my_data",
)
LIBRARIES = ("legal", "render")  # shared by the capabilities, below them
SHARED_MODULES = ("content_yaml", "dates", "errors", "i18n", "model", "paths")


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append(node.module)
            found.extend(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def _offenders(paths, forbidden) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return sorted(
        {
            (str(path.relative_to(ROOT)), name)
            for path in paths
            for name in _imports(path)
            if any(name == prefix or name.startswith(prefix + ".") for prefix in forbidden)
        }
    )


def _py(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


def test_spoor2_never_imports_streamlit_ui_or_pages():
    assert _offenders(_py("spoor2"), ("streamlit", "ui", "pages")) == []


@pytest.mark.parametrize("package", CAPABILITIES + LIBRARIES)
def test_a_capability_never_imports_the_store_or_the_cli(package):
    assert _offenders(_py(f"spoor2/{package}"), ("spoor2.store", "spoor2.cli")) == []


def test_libraries_know_no_capability():
    forbidden = tuple(f"spoor2.{name}" for name in CAPABILITIES)
    assert _offenders([p for lib in LIBRARIES for p in _py(f"spoor2/{lib}")], forbidden) == []


def test_shared_modules_know_no_capability_store_or_cli():
    forbidden = tuple(f"spoor2.{name}" for name in (*CAPABILITIES, *LIBRARIES, "store", "cli"))
    paths = [ROOT / "spoor2" / f"{name}.py" for name in SHARED_MODULES]
    assert _offenders(paths, forbidden) == []


def test_the_store_never_imports_the_cli_or_an_export():
    forbidden = ("spoor2.cli", "spoor2.render", "spoor2.orientation.export", "spoor2.questions.export")
    forbidden += ("spoor2.tracker.import_export", "spoor2.timeline.ics")
    assert _offenders(_py("spoor2/store"), forbidden) == []


def test_the_ui_never_uses_the_cli_and_pages_never_import_each_other():
    assert _offenders([*_py("ui"), *_py("pages"), ROOT / "app.py"], ("spoor2.cli", "pages")) == []


def test_pages_and_ui_never_write_sql():
    offenders = [
        str(path.relative_to(ROOT))
        for path in [*_py("ui"), *_py("pages"), ROOT / "app.py"]
        if any(name.startswith(("sqlalchemy", "sqlite3")) for name in _imports(path))
    ]
    assert offenders == []


def test_one_package_per_capability_and_no_flat_leftovers():
    """spoor2/ holds the capability packages, the store, the CLI and a few shared modules — nothing else."""
    modules = {p.stem for p in (ROOT / "spoor2").glob("*.py")} - {"__init__", "__main__"}
    packages = {p.name for p in (ROOT / "spoor2").iterdir() if (p / "__init__.py").exists()}
    assert modules == set(SHARED_MODULES)
    assert packages == {*CAPABILITIES, *LIBRARIES, "store", "cli"}


def test_every_capability_has_its_tests_folder():
    for name in CAPABILITIES:
        assert (ROOT / "tests" / name).is_dir(), name
        assert list((ROOT / "tests" / name).glob("test_*.py")), name


#: The one exception: the load benchmark's client without a browser speaks Streamlit's wire protocol (the
#: protobuf messages its frontend sends and reads), so it imports those messages and nothing else of
#: Streamlit's inside; tests/cross_cutting/test_bench_load.py runs it, so a change of protocol fails there.
WIRE_CLIENT = ROOT / "bench" / "wsclient.py"


def test_no_private_streamlit_api_and_no_monkeypatching_of_streamlit():
    files = [ROOT / "app.py", *_py("pages"), *_py("ui"), *_py("tests"), *_py("bench")]
    private = [
        (str(path.relative_to(ROOT)), name)
        for path in files
        for name in _imports(path)
        if name.startswith("streamlit.")
        and not name.startswith(("streamlit.testing.v1", "streamlit.delta_generator", "streamlit.column_config"))
        and not (path == WIRE_CLIENT and name.startswith("streamlit.proto."))
    ]
    assert private == []
    this = Path(__file__).resolve()
    for path in files:
        if path.resolve() != this:
            text = path.read_text(encoding="utf-8")
            private = ("Pages" + "Manager", "uses_pages" + "_directory")  # spelled apart: this test is no user
            assert not any(name in text for name in private), path


def test_no_discovery_by_name_in_the_cli_or_the_migrations():
    """The commands and the migration order are explicit imports, never found by importlib at run time."""
    for path in [*_py("spoor2/cli"), *_py("spoor2/store/migrations")]:
        assert "importlib" not in _imports(path), path


def test_every_migration_file_is_in_the_explicit_order():
    from spoor2.store.migrations import ORDER

    files = sorted(p.stem for p in (ROOT / "spoor2" / "store" / "migrations").glob("m[0-9][0-9][0-9][0-9]_*.py"))
    assert [module.__name__.rsplit(".", 1)[1] for module in ORDER] == files


def test_no_long_functions_in_spoor2():
    """About 60 lines at most, unless the function says why (a comment starting with ``# long:``)."""
    too_long = []
    for path in _py("spoor2"):
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.end_lineno:
                body = lines[node.lineno - 1 : node.end_lineno]
                if len(body) > 60 and not any(line.strip().startswith("# long:") for line in body):
                    too_long.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name} ({len(body)} lines)")
    assert too_long == []


def test_no_unsafe_html_anywhere_in_the_app():
    offenders = [
        str(path.relative_to(ROOT))
        for path in [*_py("pages"), *_py("ui"), *_py("spoor2"), ROOT / "app.py"]
        if "unsafe_allow_html" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_usage_statistics_are_off():
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["browser"]["gatherUsageStats"] is False
