"""An import-linter contract type the built-in ones lack: no import of named submodules of an outside package.

import-linter's ``forbidden`` contract can forbid an outside package only as a whole (``PySide6``),
since its graph knows outside packages by their top-level name. The desk may use ``PySide6.QtCore``
(translations, the locale) but never ``PySide6.QtWidgets`` or ``PySide6.QtGui``: this contract reads
the lines of the imports into the outside package and names every one that reaches a forbidden
submodule. Registered in ``pyproject.toml`` under ``[tool.importlinter] contract_types``.
"""

from __future__ import annotations

import re

from grimp import ImportGraph
from importlinter import Contract, ContractCheck, fields, output

_FROM = re.compile(r"^\s*from\s+([\w.]+)\s+import\s+(.*)$")
_IMPORT = re.compile(r"^\s*import\s+(.*)$")


def imported_modules(line: str) -> set[str]:
    """The modules an import statement's first line names: ``from a.b import c, d`` names a.b, a.b.c and a.b.d."""
    names: set[str] = set()
    line = line.split("#")[0]
    found = _FROM.match(line)
    if found:
        module, rest = found.groups()
        names.add(module)
        for part in rest.strip("()\\ ").split(","):
            name = part.strip().split(" as ")[0].strip("() ")
            if name and name != "*":
                names.add(f"{module}.{name}")
        return names
    found = _IMPORT.match(line)
    if found:
        for part in found.group(1).split(","):
            names.add(part.strip().split(" as ")[0].strip())
    return names


class ForbiddenExternalSubmodulesContract(Contract):
    """The source packages import none of the forbidden submodules of an outside package, directly.

    Options:
        - source_modules:    the packages that must not import them, e.g. ``desk``;
        - forbidden_modules: submodules of one outside package, e.g. ``PySide6.QtWidgets``.
    """

    type_name = "forbidden_external_submodules"

    source_modules = fields.ListField(subfield=fields.StringField())
    forbidden_modules = fields.ListField(subfield=fields.StringField())

    def check(self, graph: ImportGraph, verbose: bool) -> ContractCheck:
        forbidden = set(self.forbidden_modules)  # type: ignore[arg-type]
        roots = {name.split(".")[0] for name in forbidden}
        sources = set()
        for package in self.source_modules:  # type: ignore[union-attr]
            sources.add(package)
            sources.update(graph.find_descendants(package))
        violations = []
        for root in sorted(roots & graph.modules):
            for importer in sorted(graph.find_modules_that_directly_import(root) & sources):
                for detail in graph.get_import_details(importer=importer, imported=root):
                    names = imported_modules(detail["line_contents"])
                    reached = {f for f in forbidden if any(name == f or name.startswith(f + ".") for name in names)}
                    for name in sorted(reached):
                        violations.append({"importer": importer, "imported": name, "line_number": detail["line_number"],
                                           "line_contents": detail["line_contents"]})
        return ContractCheck(kept=not violations, metadata={"violations": violations})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for violation in check.metadata["violations"]:
            output.print_error(
                f"{violation['importer']} is not allowed to import {violation['imported']}"
                f" (l.{violation['line_number']}: {violation['line_contents'].strip()})",
                bold=False,
            )
            output.new_line()
