"""The apps depend one way, as the README's layout says; this test holds them to it.

common <- councils <- reviews <- recommendations <- importing, papers, notifications <- demo.
A module may import from its own app and from apps below it. Views and URL
modules may look anywhere, but nothing else imports a views module.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LEVEL = {
    "common": 0,
    "councils": 1,
    "reviews": 2,
    "recommendations": 3,
    "importing": 4,
    "papers": 4,
    "notifications": 4,
    "demo": 5,
}
LOOKS_ANYWHERE = {"views.py", "urls.py"}


def imports(path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module


def test_no_app_imports_an_app_above_or_beside_it_and_only_views_import_views():
    wrong = []
    for app, level in LEVEL.items():
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            where = path.relative_to(ROOT)
            for name in imports(path):
                other = name.split(".")[0]
                if other not in LEVEL or other == app:
                    continue
                if path.name not in LOOKS_ANYWHERE and (".views" in name or LEVEL[other] >= level):
                    wrong.append(f"{where} imports {name}")
    assert not wrong, "\n".join(wrong)


def test_councils_knows_nothing_of_reviews_or_recommendations():
    wrong = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in sorted((ROOT / "councils").rglob("*.py"))
        for name in imports(path)
        if name.split(".")[0] in ("reviews", "recommendations", "importing", "papers", "demo")
    ]
    assert not wrong, "\n".join(wrong)
