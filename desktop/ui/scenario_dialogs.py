"""Add, rename, delete and reorder scenarios; deleting always asks where the phrases go."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import QuickReplyError, ValidationFailed
from desktop.core.i18n import Translator
from desktop.core.library import PhraseLibrary
from desktop.core.model import SCENARIO_NAME_LIMIT, Scenario
from desktop.ui.editor_strings import with_editor_strings

ERROR_STYLE = "color: #c5221f;"


class ScenarioDialog(QDialog):
    """One small dialog in three modes: "add" and "rename" ask for a name, "delete" for a target."""

    def __init__(self, library: PhraseLibrary, tr: Translator, mode: str,
                 scenario: Scenario | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if mode not in ("add", "rename", "delete") or (mode != "add" and scenario is None):
            raise ValueError(f"bad scenario dialog mode {mode!r}")
        self._library = library
        self._tr = with_editor_strings(tr)
        self.mode = mode
        self.scenario = scenario
        self.result_scenario: Scenario | None = None
        self.members = len(library.phrases(scenario.id)) if scenario else 0
        self.setMinimumWidth(340)

        self.prompt = QLabel()
        self.prompt.setWordWrap(True)
        self.name_edit = QLineEdit(scenario.name if scenario and mode == "rename" else "")
        self.name_edit.setMaxLength(SCENARIO_NAME_LIMIT * 2)  # room to paste, the error explains the limit
        self.target_combo = QComboBox()
        for s in library.scenarios():
            if scenario is None or s.id != scenario.id:
                self.target_combo.addItem(s.name, s.id)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        ok_cancel = QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        self.buttons = QDialogButtonBox(ok_cancel)
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.name_edit)
        layout.addWidget(self.target_combo)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.name_edit.setVisible(mode != "delete")
        self.target_combo.setVisible(mode == "delete" and self.members > 0 and self.target_combo.count() > 0)
        self.name_edit.textChanged.connect(self._name_changed)
        self.retranslate(self._tr)
        self._name_changed()

    # -- entry points ----------------------------------------------------------------------------

    @classmethod
    def ask_add(cls, parent: QWidget | None, library: PhraseLibrary, tr: Translator) -> Scenario | None:
        return cls._run(cls(library, tr, "add", parent=parent))

    @classmethod
    def ask_rename(cls, parent: QWidget | None, library: PhraseLibrary, tr: Translator,
                   scenario: Scenario) -> Scenario | None:
        return cls._run(cls(library, tr, "rename", scenario, parent))

    @classmethod
    def ask_delete(cls, parent: QWidget | None, library: PhraseLibrary, tr: Translator,
                   scenario: Scenario) -> Scenario | None:
        """Returns the scenario that received the phrases (or the deleted one when it was empty)."""
        return cls._run(cls(library, tr, "delete", scenario, parent))

    @staticmethod
    def _run(dialog: ScenarioDialog) -> Scenario | None:
        try:
            return dialog.result_scenario if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    # -- behaviour -------------------------------------------------------------------------------

    @property
    def blocked(self) -> bool:
        """A scenario with phrases and nowhere to move them cannot be deleted."""
        return self.mode == "delete" and self.members > 0 and self.target_combo.count() == 0

    def _name_changed(self) -> None:
        self.error.hide()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not self.blocked if self.mode == "delete" else bool(self.name_edit.text().strip()))

    def error_text(self) -> str:
        return self.error.text() if not self.error.isHidden() else ""

    def try_accept(self) -> bool:
        try:
            if self.mode == "add":
                self.result_scenario = self._library.add_scenario(self.name_edit.text())
            elif self.mode == "rename":
                assert self.scenario is not None
                self.result_scenario = self._library.rename_scenario(self.scenario.id, self.name_edit.text())
            else:
                assert self.scenario is not None
                if self.blocked:
                    return False
                target = self.target_combo.currentData() if self.members else None
                self._library.delete_scenario(self.scenario.id, move_to=target)
                self.result_scenario = self._library.scenario(target) if target else self.scenario
        except ValidationFailed as exc:
            self._show_error(exc.message(self._tr))
            return False
        except QuickReplyError as exc:
            self._show_error(exc.message(self._tr))
            return False
        self.accept()
        return True

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    # -- language --------------------------------------------------------------------------------

    def retranslate(self, tr: Translator) -> None:
        self._tr = t = with_editor_strings(tr)
        self.setWindowTitle(t(f"scn.{self.mode}.title"))
        name = self.scenario.name if self.scenario else ""
        if self.mode != "delete":
            self.prompt.setText(t("scn.name"))
            self.name_edit.setPlaceholderText(t("scn.name.hint"))
        elif self.blocked:
            self.prompt.setText(t("scn.delete.move", name=name, count=self.members) + "\n"
                                + t("scn.delete.no_target"))
        elif self.members:
            self.prompt.setText(t("scn.delete.move", name=name, count=self.members))
        else:
            self.prompt.setText(t("scn.delete.empty", name=name))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(t("scn.delete.ok" if self.mode == "delete" else "ui.ok"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(t("ui.cancel"))


def move_scenario(library: PhraseLibrary, scenario_id: str, step: int) -> bool:
    """Move a scenario up (step -1) or down (+1) in the list; False when it is already at that end."""
    ids = [s.id for s in library.scenarios()]
    i = ids.index(library.scenario(scenario_id).id)
    j = i + step
    if step == 0 or not 0 <= j < len(ids):
        return False
    ids[i], ids[j] = ids[j], ids[i]
    library.reorder_scenarios(ids)
    return True
