"""The columns of the strategy tracker's CSV export, which is also the format of a batch of
progress updates that a partner imports (it edits `status`, `progress`, `period` and
`narrative` of its own measures; the other columns identify the row or are ignored).

Values: institutions by acronym, several separated by `;`; sectors and themes by slug, several
separated by `;`; dates as YYYY-MM-DD; `status` as its code (not_started, ongoing, completed,
delayed, dropped); `progress` a whole number from 0 to 100; `period` as YYYY-Qn (the quarter the
latest published report, or the update, is about); `successor` as `<cycle slug>:<code>`.
"""

COLUMNS = [
    "cycle",
    "code",
    "level",
    "parent",
    "title_ar",
    "title_fr",
    "title_en",
    "title_zgh",
    "responsible",
    "partners",
    "sectors",
    "themes",
    "start_date",
    "end_date",
    "status",
    "progress",
    "weight",
    "successor",
    "period",
    "narrative",
    "rating",
    "sample",
    "source",
]
# What an import of updates must have; the other columns may be left out.
UPDATE_COLUMNS = ["cycle", "code", "status", "progress", "period", "narrative"]
SEPARATOR = ";"
