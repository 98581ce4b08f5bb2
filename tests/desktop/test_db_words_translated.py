"""What db/ words itself — link verbs, stakes, statuses, what a claim supports, grades,
positions, provenance — reads in the interface's language: the Russian session shows it
in Russian in the entity detail, the chain, the claims table and the printed summary; the
English session keeps English. (The stored values themselves stay English.)"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPdfWriter
from PySide6.QtWidgets import QTableView

from db import wording
from db.reporting import build_case_summary, build_entity_summary
from desktop.reports import build_document
from desktop.shell import translation
from tests.desktop.test_entities_pane import table_texts


@pytest.fixture(params=["ru", "en"])
def language(request, qapp):
    assert translation.install(request.param) == request.param
    yield request.param
    translation.install("en")


def _seen(qtbot, window, sample, tmp_path) -> dict[str, str]:
    """What a person reads in each place, one text per place."""
    entities = window.panes["entities"]
    qtbot.waitUntil(lambda: entities.list_model.rowCount() > 10)
    entities.open_entity_detail(sample.ids["enertech"])
    qtbot.waitUntil(entities.detail.isVisible)
    qtbot.waitUntil(lambda: not entities.loading)  # the detail is read on the worker
    documents = window.panes["documents"].findChildren(QTableView)
    qtbot.waitUntil(lambda: any(v.model().rowCount() for v in documents))
    chain = window.panes["chain"]
    chain.show_chain(sample.ids["kama"])
    qtbot.waitUntil(lambda: not chain.computing and chain.chain is not None)
    (claims_view,) = [v for v in window.panes["claims"].findChildren(QTableView)
                      if v.objectName() == "claim_table"]
    qtbot.waitUntil(lambda: claims_view.model().rowCount() > 0)
    summaries = []
    for summary in (build_entity_summary(sample, sample.ids["enertech"]),
                    build_case_summary(sample)):
        summaries.append(build_document(summary, QPdfWriter(str(tmp_path / "s.pdf")))
                         .toPlainText())
    return {
        "detail links": "\n".join(" | ".join(r) for r in table_texts(entities.detail.links_view)),
        "detail claims": "\n".join(" | ".join(r) for r in table_texts(entities.detail.claims_view)),
        "detail type": entities.detail.subtitle.text(),
        "documents": "\n".join(" | ".join(r) for v in documents for r in table_texts(v)),
        "detail properties": "\n".join(" | ".join(r) for r in table_texts(
            entities.detail.properties_view)),
        "entity list": "\n".join(" | ".join(r) for r in table_texts(entities.list_view)),
        "chain": "\n".join(str(i.data()) for i in chain.model.iter_nodes()),
        "claims": "\n".join(" | ".join(r) for r in table_texts(claims_view)),
        "entity summary": summaries[0],
        "case summary": summaries[1],
    }


EXPECTED = {  # place: (Russian, English)
    "detail links": [("Rosatom контролирует Enertech", "Rosatom controls Enertech"),
                     ("Enertech поставляет Russia", "Enertech supplies Russia"),
                     ("с 2022", "since 2022")],
    "detail claims": [("подтверждает: Rosatom контролирует Enertech",
                       "supports: Rosatom controls Enertech")],
    "detail type": [("Компания", "Company")],
    "detail properties": [("страна | ru", "country | ru")],
    "documents": [("| Текст", "| Text")],
    "entity list": [("Актив · бренд", "Asset · brand"), ("Лицо", "Person")],
    "chain": [("доля неизвестна · 6.2 млрд RUB · с 2022", "share unknown · 6.2 bn RUB · since 2022")],
    "claims": [("не проверено", "unverified"),
               ("подтверждает: Enertech: отрасль = Supplier of Korean-origin batteries",
                "supports: Enertech: sector = Supplier of Korean-origin batteries")],
    "entity summary": [("Компания", "Company"), ("обычно надёжен; вероятно, верно", "usually reliable; probably true"),
                       ("не проверено", "unverified"), ("символы 220–303", "characters 220–303"),
                       ("контролируется", "is controlled by"),
                       ("это дело («Battery supply chain", "this case (“Battery supply chain"),
                       ("добавлено ", "added ")],
    "case summary": [("Факты об объектах", "Facts about entities"),
                     ("Событие: Renera acquires", "Event: Renera acquires"),
                     ("Renera владеет JSC Kama (доля неизвестна · 6.2 млрд RUB",
                      "Renera owns JSC Kama (share unknown · 6.2 bn RUB")],
}


def test_db_words_follow_the_language(language, qtbot, make_window, sample, tmp_path,
                                       artifacts):
    window = make_window(sample, size=(1900, 1000))
    seen = _seen(qtbot, window, sample, tmp_path)
    window.grab().save(str(artifacts / f"db_words_{language}.png"))
    shown = 0 if language == "ru" else 1
    for place, pairs in EXPECTED.items():
        for pair in pairs:
            assert pair[shown] in seen[place], (place, pair[shown])
            assert pair[1 - shown] not in seen[place], (place, pair[1 - shown])


def test_stored_values_stay_english(language):
    """What is written into the case and its exports is the stored word, whatever the
    interface shows."""
    assert wording.STATUS_TEXTS["unverified"] == "unverified"
    assert wording.status_text("unverified") == ("не проверено" if language == "ru"
                                                 else "unverified")
    assert wording.status_text("not-a-status") == "not-a-status"


def test_import_report_follows_the_language(language):
    from db.formats.results import ImportResult

    result = ImportResult("people.ftm.json", {"entities": 5, "links": 2, "claims": 0},
                          {"entities": 1}, {"Vessel": 3}, {"Company.mainCountry": 1},
                          {"no id": 2}, ["odd date 2020-13"])
    expected = {
        "ru": ["people.ftm.json: добавлено — объекты: 5, связи: 2", "уже есть в деле: объекты: 1",
               "не импортировано: 3 × схема Vessel",
               "сохранено, но не смоделировано: 1 × Company.mainCountry",
               "пропущено: 2 × no id", "предупреждение: odd date 2020-13"],
        "en": ["people.ftm.json: added 5 entities, 2 links", "already in the case: 1 entities",
               "not imported: 3 × schema Vessel", "kept but not modelled: 1 × Company.mainCountry",
               "skipped: 2 × no id", "warning: odd date 2020-13"]}
    assert result.lines() == expected[language]


def test_what_is_typed_wrong_is_said_in_the_language(language):
    with pytest.raises(ValueError) as refused:
        wording.parse_share("120")
    assert str(refused.value) == {"ru": "доля — это процент от 0 до 100, а не 120",
                                  "en": "a share is a percentage from 0 to 100, not 120"}[language]


def test_progress_steps_named_by_db_show_in_the_language(language, qtbot):
    """The worker's progress dialog shows db's step names ("Matching entities")."""
    import threading

    from PySide6.QtWidgets import QProgressDialog, QWidget

    from desktop.shell.worker import run_task

    parent = QWidget()
    qtbot.addWidget(parent)
    release, results = threading.Event(), []

    def work(progress):
        progress.step(1, 3, "Matching entities")
        release.wait(10)
        return "ok"

    run_task(parent, "Merge", work, results.append)
    try:
        qtbot.waitUntil(lambda: any(d.labelText() != "Merge"
                                    for d in parent.findChildren(QProgressDialog)))
        (dialog,) = parent.findChildren(QProgressDialog)
        assert dialog.labelText() == {"ru": "Сопоставление объектов",
                                      "en": "Matching entities"}[language]
    finally:
        release.set()
    qtbot.waitUntil(lambda: results == ["ok"])
