"""The settings dialog: every user setting on four tabs; values fixed by IT are shown but locked."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any, TypeVar

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.hotkey_spec import display_hotkey, normalise_hotkey, reserved_reason
from desktop.core.i18n import Translator
from desktop.core.settings import PASTE_METHODS, PLATFORMS, THEMES, Settings
from desktop.ui.editor_strings import with_editor_strings
from desktop.ui.risk_words_editor import RiskWordsEditor

LOCALES = ("", "zh_CN", "en")
ERROR_STYLE = "color: #c5221f;"
W = TypeVar("W", bound=QWidget)
LABEL_KEYS = {"paste_delay_ms": "settings.paste_delay", "risk_extra_words": "settings.extra_words",
              "risk_allow_words": "settings.allow_words"}


def hotkey_problem(value: str, taken: Mapping[str, str] | None = None
                   ) -> tuple[str | None, tuple[str, dict[str, str]] | None]:
    """The canonical hotkey and, when it cannot be used, the message key and parameters saying why.

    ``taken`` maps hotkeys already given to phrases to the phrase's title.
    """
    if not value.strip():
        return None, ("settings.hotkey.empty", {})
    canonical = normalise_hotkey(value)
    if canonical is None:
        return None, ("settings.hotkey.invalid", {"hotkey": value.strip()[:40]})
    reason = reserved_reason(canonical)
    if reason is not None:
        return canonical, ("settings.hotkey.reserved", {"hotkey": display_hotkey(canonical),
                                                        "reason_zh": reason[0], "reason_en": reason[1]})
    if taken and canonical in taken:
        return canonical, ("settings.hotkey.taken", {"hotkey": display_hotkey(canonical),
                                                     "other": taken[canonical]})
    return canonical, None


def _lines(edit: QPlainTextEdit) -> list[str]:
    return [line.strip() for line in edit.toPlainText().splitlines() if line.strip()]


class SettingsDialog(QDialog):
    """``ask()`` returns the edited copy of the settings, or None when cancelled."""

    def __init__(self, settings: Settings, tr: Translator, locked: set[str] | frozenset[str] = frozenset(),
                 parent: QWidget | None = None, *, taken_hotkeys: Mapping[str, str] | None = None) -> None:
        super().__init__(parent)
        self._original = settings
        self._taken = dict(taken_hotkeys or {})
        self._locked = set(locked)
        self._tr = with_editor_strings(tr)
        self.result_settings: Settings | None = None
        self._labels: dict[str, QLabel] = {}
        self.fields: dict[str, QWidget] = {}
        self.setMinimumSize(520, 440)

        self.locale_combo = self._field("locale", QComboBox())
        self.shop_edit = self._field("shop_name", QLineEdit(settings.shop_name))
        self.agent_edit = self._field("agent_name", QLineEdit(settings.agent_name))
        self.platform_combo = self._field("platform", QComboBox())
        self.channels_edit = self._field("official_channels",
                                         QPlainTextEdit("\n".join(settings.official_channels)))
        self.domains_edit = self._field("official_domains",
                                        QPlainTextEdit("\n".join(settings.official_domains)))
        for edit in (self.channels_edit, self.domains_edit):
            edit.setMaximumHeight(70)
        self.official_hint = QLabel()
        self.official_hint.setWordWrap(True)
        self.hotkey_edit = self._field("global_hotkey", QLineEdit(display_hotkey(settings.global_hotkey)
                                                                  if settings.global_hotkey else ""))
        self.hotkey_error = QLabel()
        self.hotkey_error.setStyleSheet(ERROR_STYLE)
        self.hotkey_error.setWordWrap(True)
        self.hotkey_error.hide()
        self.auto_paste_check = self._field("auto_paste", QCheckBox())
        self.paste_method_combo = self._field("paste_method", QComboBox())
        self.paste_delay_spin = self._field("paste_delay_ms", QSpinBox())
        self.paste_delay_spin.setRange(0, 2000)
        self.paste_delay_spin.setSingleStep(10)
        self.restore_check = self._field("restore_clipboard", QCheckBox())
        self.on_top_check = self._field("always_on_top", QCheckBox())
        self.keep_open_check = self._field("keep_open_after_copy", QCheckBox())
        self.opacity_spin = self._field("opacity", QSpinBox())
        self.opacity_spin.setRange(30, 100)
        self.opacity_spin.setSuffix(" %")
        self.font_spin = self._field("font_size", QSpinBox())
        self.font_spin.setRange(0, 40)
        for spin in (self.paste_delay_spin, self.opacity_spin, self.font_spin):
            spin.setMaximumWidth(160)
        self.theme_combo = self._field("theme", QComboBox())
        self.words_editor = self._field("risk_extra_words",
                                        RiskWordsEditor(self._tr, settings.risk_extra_words))
        self.allow_edit = self._field("risk_allow_words",
                                      QPlainTextEdit("\n".join(settings.risk_allow_words)))
        self.allow_edit.setMaximumHeight(90)

        for check, value in ((self.auto_paste_check, settings.auto_paste),
                             (self.restore_check, settings.restore_clipboard),
                             (self.on_top_check, settings.always_on_top),
                             (self.keep_open_check, settings.keep_open_after_copy)):
            check.setChecked(value)
        self.paste_delay_spin.setValue(settings.paste_delay_ms)
        self.opacity_spin.setValue(round(settings.opacity * 100))
        self.font_spin.setValue(settings.font_size)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._page([("locale", self.locale_combo), ("shop_name", self.shop_edit),
                                     ("agent_name", self.agent_edit), ("platform", self.platform_combo),
                                     ("official_channels", self.channels_edit),
                                     ("official_domains", self.domains_edit),
                                     (None, self.official_hint)]), "")
        hotkey_cell = QWidget()
        cell = QVBoxLayout(hotkey_cell)
        cell.setContentsMargins(0, 0, 0, 0)
        cell.addWidget(self.hotkey_edit)
        cell.addWidget(self.hotkey_error)
        self.tabs.addTab(self._page([("global_hotkey", hotkey_cell), (None, self.auto_paste_check),
                                     ("paste_method", self.paste_method_combo),
                                     ("paste_delay_ms", self.paste_delay_spin),
                                     (None, self.restore_check)]), "")
        self.tabs.addTab(self._page([(None, self.on_top_check), (None, self.keep_open_check),
                                     ("opacity", self.opacity_spin), ("font_size", self.font_spin),
                                     ("theme", self.theme_combo)]), "")
        risk = QWidget()
        risk_layout = QVBoxLayout(risk)
        self._labels["risk_extra_words"] = QLabel()
        risk_layout.addWidget(self._labels["risk_extra_words"])
        risk_layout.addWidget(self.words_editor, 1)
        self._labels["risk_allow_words"] = QLabel()
        risk_layout.addWidget(self._labels["risk_allow_words"])
        risk_layout.addWidget(self.allow_edit)
        self.tabs.addTab(risk, "")

        ok_cancel = QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        self.buttons = QDialogButtonBox(ok_cancel)
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.buttons)
        self.hotkey_edit.textChanged.connect(self._check_hotkey)
        self.retranslate(self._tr)

    # -- building --------------------------------------------------------------------------------

    def _field(self, name: str, widget: W) -> W:
        self.fields[name] = widget
        return widget

    def _page(self, rows: list[tuple[str | None, QWidget]]) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        for name, widget in rows:
            if name is None:
                form.addRow(widget)
            else:
                self._labels[name] = QLabel()
                form.addRow(self._labels[name], widget)
        return page

    def _apply_locks(self) -> None:
        for name in self._locked:
            widget = self.fields.get(name)
            if widget is not None:
                widget.setEnabled(False)
                widget.setToolTip(self._tr("settings.locked"))

    @staticmethod
    def _fill_combo(combo: QComboBox, values: tuple[str, ...], names: list[str], current: str) -> None:
        combo.blockSignals(True)
        combo.clear()
        for value, name in zip(values, names, strict=True):
            combo.addItem(name, value)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    # -- checking and result ---------------------------------------------------------------------

    def _check_hotkey(self) -> bool:
        if "global_hotkey" in self._locked:
            return True
        _, problem = hotkey_problem(self.hotkey_edit.text(), self._taken)
        self.hotkey_error.setText(self._tr(problem[0], **problem[1]) if problem else "")
        self.hotkey_error.setVisible(problem is not None)
        return problem is None

    def hotkey_error_text(self) -> str:
        return self.hotkey_error.text() if not self.hotkey_error.isHidden() else ""

    def collect(self) -> Settings:
        """The settings as the dialog shows them; locked fields keep their given values."""
        canonical, _ = hotkey_problem(self.hotkey_edit.text())
        values: dict[str, Any] = {
            "locale": self.locale_combo.currentData(), "shop_name": self.shop_edit.text().strip(),
            "agent_name": self.agent_edit.text().strip(), "platform": self.platform_combo.currentData(),
            "official_channels": _lines(self.channels_edit), "official_domains": _lines(self.domains_edit),
            "global_hotkey": canonical or self._original.global_hotkey,
            "auto_paste": self.auto_paste_check.isChecked(),
            "paste_method": self.paste_method_combo.currentData(),
            "paste_delay_ms": self.paste_delay_spin.value(),
            "restore_clipboard": self.restore_check.isChecked(),
            "always_on_top": self.on_top_check.isChecked(),
            "keep_open_after_copy": self.keep_open_check.isChecked(),
            "opacity": self.opacity_spin.value() / 100, "font_size": self.font_spin.value(),
            "theme": self.theme_combo.currentData(), "risk_extra_words": self.words_editor.words(),
            "risk_allow_words": _lines(self.allow_edit),
        }
        for name in self._locked:
            values.pop(name, None)
        return dataclasses.replace(self._original, **values).cleaned()

    def try_accept(self) -> bool:
        if not self._check_hotkey():
            self.tabs.setCurrentIndex(1)
            self.hotkey_edit.setFocus()
            return False
        if "risk_extra_words" not in self._locked and not self.words_editor.check():
            self.tabs.setCurrentIndex(3)
            return False
        self.result_settings = self.collect()
        self.accept()
        return True

    @classmethod
    def ask(cls, parent: QWidget | None, settings: Settings, tr: Translator,
            locked: set[str] | frozenset[str] = frozenset(), *,
            taken_hotkeys: Mapping[str, str] | None = None) -> Settings | None:
        """``taken_hotkeys``: phrase hotkeys (canonical -> title) the global hotkey must not reuse."""
        dialog = cls(settings, tr, locked, parent, taken_hotkeys=taken_hotkeys)
        try:
            return dialog.result_settings if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    # -- language --------------------------------------------------------------------------------

    def retranslate(self, tr: Translator) -> None:
        self._tr = t = with_editor_strings(tr)
        self.setWindowTitle(t("settings.title"))
        for i, key in enumerate(("general", "paste", "window", "risk")):
            self.tabs.setTabText(i, t(f"settings.tab.{key}"))
        for name, label in self._labels.items():
            label.setText(t(LABEL_KEYS.get(name, f"settings.{name}")))
        current = self._original

        def keep(combo: QComboBox, default: str) -> str:
            # Relabelling must not lose what the person picked before switching language.
            return str(combo.currentData()) if combo.count() else default

        self._fill_combo(self.locale_combo, LOCALES, [t("settings.locale.system"), "简体中文", "English"],
                         keep(self.locale_combo, current.locale))
        self._fill_combo(self.platform_combo, PLATFORMS, [t(f"settings.platform.{p}") for p in PLATFORMS],
                         keep(self.platform_combo, current.platform))
        self._fill_combo(self.paste_method_combo, PASTE_METHODS,
                         [t(f"settings.paste_method.{m}") for m in PASTE_METHODS],
                         keep(self.paste_method_combo, current.paste_method))
        self._fill_combo(self.theme_combo, THEMES, [t(f"settings.theme.{x}") for x in THEMES],
                         keep(self.theme_combo, current.theme))
        self.words_editor.retranslate(t)
        self.official_hint.setText(t("settings.official_hint"))
        self.auto_paste_check.setText(t("settings.auto_paste"))
        self.restore_check.setText(t("settings.restore_clipboard"))
        self.on_top_check.setText(t("settings.always_on_top"))
        self.keep_open_check.setText(t("settings.keep_open"))
        self.paste_delay_spin.setSuffix(t("settings.ms"))
        self.font_spin.setSpecialValueText(t("settings.font_size.system"))
        self.hotkey_edit.setPlaceholderText("Ctrl+Alt+Q")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(t("ui.ok"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(t("ui.cancel"))
        self._check_hotkey()
        self._apply_locks()
