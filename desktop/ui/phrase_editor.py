"""The dialog that adds or edits one phrase: errors beside each field, risk marks as you type."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import FieldError, NotFound, QuickReplyError, ValidationFailed
from desktop.core.hotkey_spec import display_hotkey, normalise_hotkey
from desktop.core.i18n import Translator
from desktop.core.library import PhraseLibrary
from desktop.core.model import TEXT_LIMIT, Phrase, clean_text
from desktop.ui.editor_strings import advice_text, describe, with_editor_strings
from desktop.ui.risk_highlighter import RiskChecker, RiskTextEdit

FIELDS = ("title", "text", "scenario", "code", "tags", "hotkey")
PASTE_LIMIT = 10 * TEXT_LIMIT
ERROR_STYLE = "color: #c5221f;"


class PhraseEditorDialog(QDialog):
    """``ask()`` returns the saved phrase, or None when the person cancels."""

    def __init__(self, library: PhraseLibrary, checker: RiskChecker, tr: Translator, *,
                 phrase: Phrase | None = None, scenario: str | None = None,
                 initial_text: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._checker = checker
        self._tr = with_editor_strings(tr)
        self._phrase = phrase
        self._touched: set[str] = set()
        self._errors: dict[str, FieldError] = {}
        self._paste_error: FieldError | None = None
        self.saved: Phrase | None = None
        self.setMinimumWidth(520)

        self.title_edit = QLineEdit()
        # A paste over the cap is refused outright; up to the cap it goes in and the counter says
        # how much to cut, so a long draft is not lost.
        self.text_edit = RiskTextEdit(checker, self._tr, paste_limit=PASTE_LIMIT)
        self.text_edit.setMinimumHeight(150)
        self.text_edit.setTabChangesFocus(True)
        self.scenario_combo = QComboBox()
        self.code_edit = QLineEdit()
        self.code_edit.setMaxLength(64)
        self.tags_edit = QLineEdit()
        self.hotkey_edit = QLineEdit()
        self.pinned_check = QCheckBox()
        self.counter = QLabel()
        self.risk_hint = QLabel()
        self.risk_hint.setStyleSheet("color: palette(mid);")
        self.risk_hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.try_save)
        self.buttons.rejected.connect(self.reject)
        # Enter belongs to the text (new line); Ctrl+Enter saves from anywhere in the dialog.
        self.save_shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        self.save_shortcut.activated.connect(self.try_save)

        self.error_labels: dict[str, QLabel] = {}
        self._labels: dict[str, QLabel] = {}
        widgets: dict[str, QWidget] = {"title": self.title_edit, "text": self.text_edit,
                                       "scenario": self.scenario_combo, "code": self.code_edit,
                                       "tags": self.tags_edit, "hotkey": self.hotkey_edit}
        form = QFormLayout()
        for name in FIELDS:
            cell = QVBoxLayout()
            cell.setSpacing(2)
            cell.addWidget(widgets[name])
            if name == "text":
                under = QHBoxLayout()
                under.addWidget(self.risk_hint, 1)
                under.addWidget(self.counter)
                cell.addLayout(under)
            error = QLabel()
            error.setObjectName(f"error_{name}")
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
            cell.addWidget(error)
            self.error_labels[name] = error
            self._labels[name] = QLabel()
            form.addRow(self._labels[name], cell)
        self._labels["pinned"] = QLabel()
        form.addRow(self._labels["pinned"], self.pinned_check)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        self._fill_scenarios()
        self._load(phrase, scenario)
        self.title_edit.textChanged.connect(lambda: self._changed("title"))
        self.text_edit.textChanged.connect(self._text_changed)
        self.text_edit.pasteRefused.connect(self._paste_refused)
        self.scenario_combo.currentIndexChanged.connect(lambda: self._changed("scenario"))
        self.code_edit.textChanged.connect(lambda: self._changed("code"))
        self.tags_edit.textChanged.connect(lambda: self._changed("tags"))
        self.hotkey_edit.textChanged.connect(lambda: self._changed("hotkey"))
        self.hotkey_edit.editingFinished.connect(self._tidy_hotkey)
        if initial_text is not None:
            self._set_initial_text(initial_text)
        self.retranslate(self._tr)

    # -- entry point -----------------------------------------------------------------------------

    @classmethod
    def ask(cls, parent: QWidget | None, library: PhraseLibrary, checker: RiskChecker, tr: Translator,
            phrase: Phrase | None = None, scenario: str | None = None,
            initial_text: str | None = None) -> Phrase | None:
        dialog = cls(library, checker, tr, phrase=phrase, scenario=scenario, initial_text=initial_text,
                     parent=parent)
        try:
            return dialog.saved if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    @staticmethod
    def confirm_risks(parent: QWidget | None, findings: list[Any], tr: Translator) -> bool:
        """Ask before saving risky wording; must-fix findings get the stronger question."""
        tr = with_editor_strings(tr)
        blocking = [f for f in findings if getattr(f, "severity", "") == "block"]
        warnings = [f for f in findings if f not in blocking]

        def listed(group: list[Any]) -> str:
            return "\n".join(tr("editor.risk.item", match=getattr(f, "match", ""),
                                category=describe(f, tr)[0], advice=advice_text(f, tr.locale))
                             for f in group)

        if blocking:
            body = tr("editor.risk.block.body", items=listed(blocking))
            if warnings:
                body += "\n\n" + tr("editor.risk.also_warn", items=listed(warnings))
        else:
            body = tr("editor.risk.warn.body", items=listed(warnings))
        box = QMessageBox(parent)
        strong = bool(blocking)
        box.setIcon(QMessageBox.Icon.Warning if strong else QMessageBox.Icon.Question)
        box.setWindowTitle(tr("editor.risk.block.title" if strong else "editor.risk.warn.title"))
        box.setText(body)
        if strong:
            box.setInformativeText(tr("editor.risk.block.question"))
        back = box.addButton(tr("editor.risk.back"), QMessageBox.ButtonRole.RejectRole)
        save = box.addButton(tr("editor.risk.save_with_risk" if strong else "editor.risk.save_anyway"),
                             QMessageBox.ButtonRole.AcceptRole)
        # Must-fix wording: the easy key press (Enter) goes back to editing.
        box.setDefaultButton(back if strong else save)
        box.setEscapeButton(back)
        box.exec()
        return box.clickedButton() is save

    # -- filling ---------------------------------------------------------------------------------

    def _fill_scenarios(self) -> None:
        self.scenario_combo.clear()
        for s in self._library.scenarios():
            self.scenario_combo.addItem(s.name, s.id)

    def _load(self, phrase: Phrase | None, scenario: str | None) -> None:
        sid = phrase.scenario if phrase else None
        if sid is None and scenario:
            try:
                sid = self._library.scenario(scenario).id
            except NotFound:
                sid = None
        index = self.scenario_combo.findData(sid) if sid else 0
        self.scenario_combo.setCurrentIndex(max(index, 0))
        if phrase is None:
            return
        self.title_edit.setText(phrase.title)
        self.text_edit.setPlainText(phrase.text)
        self.code_edit.setText(phrase.code)
        self.tags_edit.setText(", ".join(phrase.tags))
        self.hotkey_edit.setText(display_hotkey(phrase.hotkey) if phrase.hotkey else "")
        self.pinned_check.setChecked(phrase.pinned)

    def _set_initial_text(self, text: str) -> None:
        if self.text_edit.set_text_checked(text) and not self.title_edit.text():
            first = clean_text(text).split("\n", 1)[0]
            self.title_edit.setText(first[:20])
        self._touched.add("text")
        self._validate()

    # -- live feedback ---------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        return {
            "title": self.title_edit.text(),
            "text": self.text_edit.toPlainText(),
            "scenario": self.scenario_combo.currentData() or "",
            "code": self.code_edit.text(),
            "tags": self.tags_edit.text(),
            "hotkey": self.hotkey_edit.text().strip() or None,
            "pinned": self.pinned_check.isChecked(),
        }

    def _changed(self, name: str) -> None:
        self._touched.add(name)
        self._validate()

    def _text_changed(self) -> None:
        if self.text_edit.composing():
            return  # half-typed pinyin is not the person's text yet: judge it once committed
        self._paste_error = None
        self._update_counter()
        self._changed("text")

    def _paste_refused(self, length: int) -> None:
        self._paste_error = FieldError("text", "finding.paste_refused", length=length, limit=TEXT_LIMIT)
        self._touched.add("text")
        self._show_errors()

    def _tidy_hotkey(self) -> None:
        canonical = normalise_hotkey(self.hotkey_edit.text())
        if canonical and display_hotkey(canonical) != self.hotkey_edit.text():
            self.hotkey_edit.setText(display_hotkey(canonical))

    def _update_counter(self) -> None:
        count = len(clean_text(self.text_edit.toPlainText()))
        self.counter.setText(self._tr("editor.counter", count=count, limit=TEXT_LIMIT))
        self.counter.setStyleSheet(ERROR_STYLE + "font-weight: bold;" if count > TEXT_LIMIT else "")

    def _validate(self) -> dict[str, FieldError]:
        errors = self._library.check_phrase(self._phrase.id if self._phrase else None, **self.values())
        self._errors = {}
        for e in errors:
            self._errors.setdefault(e.field, e)
        self._show_errors()
        return self._errors

    def _show_errors(self) -> None:
        shown = dict(self._errors)
        if self._paste_error is not None:
            shown["text"] = self._paste_error
        for name, label in self.error_labels.items():
            error = shown.get(name) if name in self._touched else None
            label.setText(error.message(self._tr) if error else "")
            label.setVisible(error is not None)

    def error_text(self, name: str) -> str:
        """The message shown beside a field ('' when none)."""
        label = self.error_labels[name]
        return label.text() if not label.isHidden() else ""

    # -- saving ----------------------------------------------------------------------------------

    def try_save(self) -> bool:
        """Validate, confirm risky wording, then save; on failure the dialog stays open."""
        self._touched.update(FIELDS)
        errors = self._validate()
        if errors or self._paste_error is not None:
            first = next(n for n in FIELDS if n in errors or (n == "text" and self._paste_error))
            {"title": self.title_edit, "text": self.text_edit, "scenario": self.scenario_combo,
             "code": self.code_edit, "tags": self.tags_edit, "hotkey": self.hotkey_edit}[first].setFocus()
            return False
        values = self.values()
        text = clean_text(values["text"])
        # Wording already saved once was already confirmed: asking again on a tag edit is noise.
        unchanged = self._phrase is not None and text == self._phrase.text
        findings = [] if unchanged else list(self._checker.check(text))
        if findings and not self.confirm_risks(self, findings, self._tr):
            self.text_edit.setFocus()
            return False
        try:
            if self._phrase is None:
                self.saved = self._library.add_phrase(
                    values["scenario"], values["code"], values["title"], values["text"],
                    tags=values["tags"], hotkey=values["hotkey"], pinned=values["pinned"])
            else:
                self.saved = self._library.update_phrase(self._phrase.id, **values)
        except ValidationFailed as exc:
            self._errors = exc.by_field()
            self._show_errors()
            return False
        except QuickReplyError as exc:
            QMessageBox.warning(self, self.windowTitle(), exc.message(self._tr))
            return False
        self.accept()
        return True

    # -- language --------------------------------------------------------------------------------

    def retranslate(self, tr: Translator) -> None:
        self._tr = with_editor_strings(tr)
        t = self._tr
        self.setWindowTitle(t("editor.title.edit" if self._phrase else "editor.title.new"))
        for name, label in self._labels.items():
            label.setText(t(f"editor.field.{name}"))
        self.pinned_check.setText("")
        self.code_edit.setPlaceholderText(t("editor.hint.code"))
        self.tags_edit.setPlaceholderText(t("editor.hint.tags"))
        self.hotkey_edit.setPlaceholderText(t("editor.hint.hotkey"))
        self.risk_hint.setText(t("editor.hint.risk"))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(t("ui.save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(t("ui.cancel"))
        self.text_edit.retranslate(t)
        self._update_counter()
        self._show_errors()
