"""Indicators of the demo statistics section, read by `loader.py`.

Every published figure comes from the reference files of the project
(../shared/reference/facts.md and ../shared/reference/data/*.csv) and carries its source in
"source_name", "citation", "source_url" and the methodology. Nothing is estimated or filled in:
a year without a sourced figure is left out and said to be missing. The one computed value is
the 2021 total of chikaya.ma, the sum of the published monthly figures (said in its note).

Licences:
- Transparency International's Corruption Perceptions Index (CPI) and Global Corruption
  Barometer (GCB) are distributed under CC BY-ND 4.0 (attribution, no derivatives). Their values
  are shown exactly as published, with the attribution "Source: Transparency International,
  <index> <year>, CC BY-ND 4.0". No series is derived from them: no average, no difference, and
  the old 0-10 CPI scores (1998-2011) are not rescaled to 0-100; they are a separate indicator.
  The rank given in the row notes of the CPI is published by TI with the score.
- The World Bank's Worldwide Governance Indicators are CC BY 4.0; the series is the one
  republished by historydata.com, which may differ from the latest WGI edition (said in the
  citation).
- Figures of the national complaints portal chikaya.ma are press figures (statistics of the
  platform reported by newspapers), labelled as such; licence "public" (public information).
  The figures of foreign anti-corruption agencies are public information from the agencies and
  the press (licence "public").
- The two series marked "is_sample" are invented to show the portal's features (breakdowns,
  totals, uncertainty intervals). They are not figures of any institution and must never be
  quoted; their licence is CC BY 4.0.

Row notes ("note" of a row) are shared by every language of the portal: they are short and in
English; the explanations readers need are in the translated texts and series notes.
"""


def _t(ar, fr, en):
    return {"ar": ar, "fr": fr, "en": en}


def _a(url, text):
    return f'<a href="{url}">{text}</a>'


CC_BY_ND_NOTE = _t(
    "تُعرض القيم كما نشرتها منظمة الشفافية الدولية، دون أي تعديل، طبقا لرخصة المشاع الإبداعي CC BY-ND 4.0.",
    "Les valeurs sont reproduites telles que Transparency International les a publiées, sans modification, conformément à la licence CC BY-ND 4.0.",
    "The values are reproduced exactly as Transparency International published them, without any change, under the CC BY-ND 4.0 licence.",
)

# --------------------------------------------------------------------------- sources

CPI_DATASET_URL = "https://github.com/datasets/corruption-perceptions-index"
MWN_GCB_2019_URL = "https://www.moroccoworldnews.com/2019/07/278207/report-53-of-moroccans-think-corruption-is-on-the-rise-in-morocco/"
MENAFN_GCB_2016_URL = "http://www.menafn.com/1094742702/48-Percent-of-Moroccans-Paid-Bribes-for-Public-Services-in-Last-12-Months?src=RSS"
WGI_URL = "https://www.worldbank.org/en/publication/worldwide-governance-indicators"
HISTORYDATA_WGI_URL = "https://historydata.com/data/corruption/morocco"
CHIKAYA_OBSERVATEUR_URL = "https://maghress.com/fr/lobservateur/205100"
CHIKAYA_AUJOURDHUI_2021_URL = "https://maghress.com/fr/aujourdhui/396931"
CHIKAYA_AUJOURDHUI_2022_URL = (
    "https://aujourdhui.ma/societe/chikaya-ma-plus-de-176-700-plaintes-deposees-en-2022"
)
CHIKAYA_BLADI_URL = (
    "https://www.bladi.net/marocains-plaignent-moins-mais-restent-frustres,118739.html"
)
ICAC_URL = "https://www.icac.org.hk/en/rc/figures/complaints/index.html"
CPIB_2015_URL = "https://www.straitstimes.com/singapore/corruption-situation-under-control-as-cases-remain-low-cpib"
CPIB_2018_URL = "https://cpib.gov.sg/press-room/press-releases/singapore-remains-one-least-corrupt-countries-world"
CPIB_2019_URL = "https://cpib.gov.sg/press-room/press-releases/corruption-situation-singapore-remains-firmly-under-control"
CPIB_2022_URL = "https://www.straitstimes.com/singapore/fewer-graft-cases-reported-in-2022-corruption-situation-in-singapore-under-control-cpib"
NAZAHA_2017_URL = "https://nazaha.gov.sa/en-us/MediaCenter/news/Pages/_news1084.aspx"
NAZAHA_2018_URL = "https://www.internationalinvestment.net/news/4001082/saudi-arabia-reports-rise-corruption-complaints"
INLUCC_2017_URL = "https://www.tunelyz.com/2019/04/denonciation-de-corruption-en-tunisie.html"

PERSPECTIVES_MED_URL = "http://www.perspectivesmed.ma/indice-de-perception-de-la-corruption-le-royaume-ameliore-son-rang-mais/"

# Press reports of each CPI release (morocco_cpi.csv), as (years, outlet, address).
CPI_PRESS = [
    ("2012", "Yabiladi", "https://www.yabiladi.com/articles/tagged/12840/ipc.html"),
    ("2013-2014", "Les Échos (Maghress)", "https://maghress.com/fr/lesechos/140508"),
    ("2015", "Barlamane (Maghress)", "https://maghress.com/fr/barlamanefr/18138"),
    ("2016", "Perspectives Med", PERSPECTIVES_MED_URL),
    (
        "2017",
        "H24info",
        "https://www.h24info.ma/economie/maroc-economie/corruption-maroc-bonne-voie-selon-transparency-international/",
    ),
    ("2018", "Perspectives Med", PERSPECTIVES_MED_URL),
    ("2019", "L'Économiste", "https://leconomiste.com/node/1056268"),
    (
        "2020",
        "Bergaag",
        "https://www.bergaag.com/2021/01/29/ipc-2020-morocco-drops-6-places-to-86th-worldwide.html",
    ),
    (
        "2021-2022",
        "Perspectives Med",
        "https://perspectivesmed.com/corruption-au-maroc-ca-craint-toujours-indique-transparency/",
    ),
    (
        "2023",
        "Challenge",
        "https://www.challenge.ma/indice-de-perception-de-la-corruption-le-maroc-recule-de-3-places-par-rapport-a-2022-275790/",
    ),
    ("2024", "Yabiladi (Maghress)", "https://maghress.com/fr/yabiladi/159649"),
    ("2025", "7news", "https://en.7news.ma/morocco-ranks-91st-in-2025-corruption-index"),
]


def _cpi_press(separator, colon):
    return separator.join(f"{years}{colon}{_a(url, outlet)}" for years, outlet, url in CPI_PRESS)


# --------------------------------------------------------------------------- sample data

REGIONS = [
    "Tanger-Tétouan-Al Hoceïma",
    "L'Oriental",
    "Fès-Meknès",
    "Rabat-Salé-Kénitra",
    "Béni Mellal-Khénifra",
    "Casablanca-Settat",
    "Marrakech-Safi",
    "Drâa-Tafilalet",
    "Souss-Massa",
    "Guelmim-Oued Noun",
    "Laâyoune-Sakia El Hamra",
    "Dakhla-Oued Ed-Dahab",
]
# Invented values (sample data), 2019 to 2024, in the order of REGIONS.
SAMPLE_DECLARATIONS = {
    "2019": [2140, 1385, 2562, 4875, 1496, 4120, 2705, 982, 1638, 402, 356, 148],
    "2020": [2065, 1322, 2470, 4710, 1441, 3968, 2604, 946, 1579, 388, 343, 142],
    "2021": [2298, 1467, 2741, 5236, 1602, 4415, 2897, 1053, 1756, 431, 382, 158],
    "2022": [2231, 1430, 2668, 5102, 1558, 4301, 2820, 1024, 1709, 419, 371, 154],
    "2023": [2310, 1476, 2755, 5268, 1611, 4446, 2913, 1058, 1766, 433, 384, 159],
    "2024": [2384, 1512, 2830, 5411, 1650, 4573, 2996, 1087, 1815, 445, 394, 164],
}


def _declaration_rows():
    rows = []
    for period, values in SAMPLE_DECLARATIONS.items():
        rows.append({"period": period, "value": sum(values)})
        rows.extend(
            {"period": period, "value": value, "dims": {"region": region}}
            for region, value in zip(REGIONS, values, strict=True)
        )
    return rows


# Invented values (sample data): (period, sex or "" for the total, value, lower, upper) of a
# share with its 95 % confidence interval.
SAMPLE_TRAINING = [
    ("2020", "", "8.8", "8.0", "9.6"),
    ("2020", "women", "8.4", "7.2", "9.6"),
    ("2020", "men", "9.1", "8.0", "10.2"),
    ("2021", "", "12.2", "11.3", "13.1"),
    ("2021", "women", "11.9", "10.5", "13.3"),
    ("2021", "men", "12.4", "11.1", "13.7"),
    ("2022", "", "15.0", "14.0", "16.0"),
    ("2022", "women", "15.2", "13.7", "16.7"),
    ("2022", "men", "14.8", "13.4", "16.2"),
    ("2023", "", "17.9", "16.8", "19.0"),
    ("2023", "women", "18.6", "17.0", "20.2"),
    ("2023", "men", "17.5", "16.0", "19.0"),
    ("2024", "", "20.5", "19.4", "21.6"),
    ("2024", "women", "21.3", "19.6", "23.0"),
    ("2024", "men", "19.9", "18.3", "21.5"),
]


def _training_rows():
    rows = []
    for period, sex, value, lower, upper in SAMPLE_TRAINING:
        row = {"period": period, "value": value, "lower": lower, "upper": upper}
        if sex:
            row["dims"] = {"sex": sex}
        rows.append(row)
    return rows


SAMPLE_SOURCE = _t(
    "معطيات نموذجية أُعدت للعرض التجريبي للبوابة (ليست إحصاءات رسمية)",
    "Données d'exemple rédigées pour la démonstration du portail (pas une statistique officielle)",
    "Sample data written for the portal demo (not an official statistic)",
)
SAMPLE_CITATION = _t(
    "معطيات نموذجية للعرض التجريبي لبوابة النزاهة الوطنية، وليست إحصاءات رسمية ولا يجوز الاستشهاد بها. رخصة CC BY 4.0.",
    "Données d'exemple de la démonstration du Portail national de l'intégrité : pas une statistique officielle, à ne pas citer. Licence CC BY 4.0.",
    "Sample data from the demo of the National Integrity Portal: not an official statistic, not to be quoted. Licence CC BY 4.0.",
)

# --------------------------------------------------------------------------- indicators

CPI_DEFINITION = _t(
    "<p>يرتب مؤشر إدراك الفساد، الذي تصدره منظمة الشفافية الدولية كل سنة، الدول حسب درجة الفساد في قطاعها العام كما يدركها الخبراء وأوساط الأعمال. فهو يقيس الانطباعات ولا يحصي قضايا الفساد المعروضة على القضاء.</p>"
    "<p>تتراوح النقطة بين 0 (فساد شديد) و100 (نزاهة عالية): كلما ارتفعت النقطة دل ذلك على أن الفساد في القطاع العام يُدرَك على أنه أقل انتشارا. أما الرتبة المذكورة في جدول المعطيات فتتوقف على عدد الدول المشمولة بالمؤشر في كل سنة.</p>",
    "<p>L'indice de perception de la corruption (IPC), publié chaque année par Transparency International, classe les pays selon le degré de corruption que les experts et les milieux d'affaires perçoivent dans leur secteur public. Il mesure des perceptions ; il ne compte pas les affaires de corruption portées devant la justice.</p>"
    "<p>Le score va de 0 (très corrompu) à 100 (très intègre) : plus il est élevé, moins la corruption du secteur public est perçue comme répandue. Le rang indiqué dans le tableau des données dépend du nombre de pays couverts chaque année.</p>",
    "<p>The Corruption Perceptions Index (CPI), published every year by Transparency International, ranks countries by how corrupt their public sector is perceived to be by experts and business people. It measures perceptions; it does not count the corruption cases brought to court.</p>"
    "<p>The score goes from 0 (highly corrupt) to 100 (very clean): the higher the score, the less widespread corruption in the public sector is perceived to be. The rank given in the data table depends on the number of countries covered each year.</p>",
)

INDICATORS = [
    # ------------------------------------------------------------------ CPI since 2012
    {
        "slug": "cpi-morocco-score",
        "institution": "INPPLC",
        "source_kind": "international",
        "periodicity": "annual",
        "licence": "cc-by-nd-4.0",
        "decimals": 0,
        "scale": ("0", "100"),
        "higher_is_better": True,
        "source_url": "https://www.transparency.org/en/cpi/2025",
        "is_sample": False,
        "themes": ["prevention", "accountability"],
        "title": _t(
            "مؤشر إدراك الفساد: نقطة المغرب منذ 2012",
            "Indice de perception de la corruption : score du Maroc depuis 2012",
            "Corruption Perceptions Index: Morocco's score since 2012",
        ),
        "intro": _t(
            "النقطة التي حصل عليها المغرب كل سنة في مؤشر إدراك الفساد لمنظمة الشفافية الدولية، على سلم من 0 إلى 100، مقارنة بالهدف الذي حددته الاستراتيجية الوطنية لمكافحة الفساد 2015-2025: 60 نقطة في أفق 2025.",
            "Le score obtenu chaque année par le Maroc dans l'indice de perception de la corruption de Transparency International, sur une échelle de 0 à 100, face à l'objectif de la stratégie nationale de lutte contre la corruption 2015-2025 : 60 points en 2025.",
            "Morocco's score each year in Transparency International's Corruption Perceptions Index, on a scale of 0 to 100, set against the target of the National Anti-Corruption Strategy 2015–2025: 60 points by 2025.",
        ),
        "definition": CPI_DEFINITION,
        "methodology": _t(
            "<p>تجمع منظمة الشفافية الدولية معطيات عدة مؤسسات مستقلة (تقييمات خبراء واستطلاعات لآراء مسيري المقاولات) وتحولها إلى سلم موحد من 0 إلى 100، ولا تُمنح النقطة لبلد إلا إذا غطته ثلاثة مصادر على الأقل. ومنذ 2012 أصبحت المنهجية تسمح بمقارنة نقط البلد من سنة إلى أخرى، غير أن تغيرا بنقطة أو نقطتين لا يكون بالضرورة دالا، إذ تنشر المنظمة هامش خطأ مع كل نقطة.</p>"
            "<p>"
            + CC_BY_ND_NOTE["ar"]
            + " وتتوقف الرتبة على عدد الدول المصنفة (بين 168 و182 حسب السنوات)، لذا تُقارن النقط لا الرتب.</p>"
            "<p>أرقام كل سنة كما نقلتها الصحافة عند صدور المؤشر: "
            + _cpi_press("، ", ": ")
            + "؛ وقد رُوجعت نقط 2012-2015 أيضا في المجموعة المفتوحة "
            + _a(CPI_DATASET_URL, "datasets/corruption-perceptions-index")
            + ".</p>",
            "<p>Transparency International combine les données de plusieurs institutions indépendantes (évaluations d'experts et enquêtes auprès de dirigeants d'entreprise) qu'elle ramène à une échelle commune de 0 à 100 ; un pays n'est noté que si trois sources au moins le couvrent. Depuis 2012, la méthode permet de comparer les scores d'un pays d'une année à l'autre, mais un écart d'un ou deux points n'est pas forcément significatif : Transparency International publie une marge d'erreur avec chaque score.</p>"
            "<p>"
            + CC_BY_ND_NOTE["fr"]
            + " Le rang dépend du nombre de pays classés (entre 168 et 182 selon les années) : comparez les scores plutôt que les rangs.</p>"
            "<p>Chiffres de chaque année tels que la presse les a rapportés à la publication de l'indice : "
            + _cpi_press(" ; ", " : ")
            + ". Les scores 2012-2015 ont aussi été vérifiés dans le jeu de données ouvert "
            + _a(CPI_DATASET_URL, "datasets/corruption-perceptions-index")
            + ".</p>",
            "<p>Transparency International combines data from several independent institutions (expert assessments and surveys of business executives) and brings them to a common scale from 0 to 100; a country is scored only if at least three sources cover it. Since 2012 the method allows a country's scores to be compared from one year to the next, but a change of one or two points is not necessarily significant: Transparency International publishes a margin of error with each score.</p>"
            "<p>"
            + CC_BY_ND_NOTE["en"]
            + " The rank depends on the number of countries ranked (between 168 and 182 over these years): compare scores rather than ranks.</p>"
            "<p>Figures of each year as reported by the press when the index was released: "
            + _cpi_press("; ", ": ")
            + ". The 2012–2015 scores were also checked against the open dataset "
            + _a(CPI_DATASET_URL, "datasets/corruption-perceptions-index")
            + ".</p>",
        ),
        "unit": _t("نقطة من 100", "points sur 100", "points out of 100"),
        "source_name": _t(
            "منظمة الشفافية الدولية، مؤشر إدراك الفساد (أرقام كل سنة كما نقلتها الصحافة المغربية عند صدور المؤشر)",
            "Transparency International, Indice de perception de la corruption (chiffres de chaque année relayés par la presse marocaine à la publication de l'indice)",
            "Transparency International, Corruption Perceptions Index (figures of each year as reported by the Moroccan press when the index was released)",
        ),
        "citation": _t(
            "المصدر: منظمة الشفافية الدولية، مؤشر إدراك الفساد 2012-2025 (نسخة تصدر كل سنة)، رخصة CC BY-ND 4.0.",
            "Source : Transparency International, Indice de perception de la corruption 2012-2025 (une édition publiée chaque année), CC BY-ND 4.0.",
            "Source: Transparency International, Corruption Perceptions Index 2012–2025 (one edition released each year), CC BY-ND 4.0.",
        ),
        "target": (
            "60",
            "2025",
            _t(
                "الاستراتيجية الوطنية لمكافحة الفساد 2015-2025: رفع نقطة المغرب في مؤشر إدراك الفساد إلى 60 من 100 في أفق 2025 (حسب lecourrierdelatlas.com)",
                "Stratégie nationale de lutte contre la corruption 2015-2025 : porter le score du Maroc à l'IPC à 60 sur 100 en 2025 (selon lecourrierdelatlas.com)",
                "National Anti-Corruption Strategy 2015–2025: raise Morocco's CPI score to 60 out of 100 by 2025 (as reported by lecourrierdelatlas.com)",
            ),
        ),
        "notes": [
            (
                "2012",
                True,
                _t(
                    "منهجية جديدة وسلم من 0 إلى 100 ابتداء من 2012: غيرت منظمة الشفافية الدولية طريقة احتساب المؤشر سنة 2012، فأصبحت النقط قابلة للمقارنة من سنة إلى أخرى. ولا تقارن النقط المنشورة قبل 2012 (على سلم من 0 إلى 10) بهذه النقط، وهي معروضة في مؤشر مستقل.",
                    "Nouvelle méthode et échelle de 0 à 100 depuis 2012 : Transparency International a changé son mode de calcul en 2012, ce qui rend les scores comparables d'une année à l'autre. Les scores publiés avant 2012 (échelle de 0 à 10) ne se comparent pas à ceux-ci ; ils sont présentés dans un indicateur distinct.",
                    "New method and 0–100 scale from 2012: Transparency International changed the way the index is calculated in 2012, making scores comparable from one year to the next. Scores published before 2012 (0–10 scale) cannot be compared with these; they are shown in a separate indicator.",
                ),
            ),
        ],
        "rows": [
            {"period": "2012", "value": 37, "note": "rank 88 of 176"},
            {"period": "2013", "value": 37, "note": "rank 91"},
            {"period": "2014", "value": 39, "note": "rank 80 of 175"},
            {"period": "2015", "value": 36, "note": "rank 88 of 168"},
            {"period": "2016", "value": 37, "note": "rank 90"},
            {"period": "2017", "value": 40, "note": "rank 81 of 180"},
            {"period": "2018", "value": 43, "note": "rank 73 of 180"},
            {"period": "2019", "value": 41, "note": "rank 80 of 180"},
            {"period": "2020", "value": 40, "note": "rank 86 of 180"},
            {"period": "2021", "value": 39, "note": "rank 87 of 180"},
            {"period": "2022", "value": 38, "note": "rank 94 of 180"},
            {"period": "2023", "value": 38, "note": "rank 97 of 180"},
            {"period": "2024", "value": 37, "note": "rank 99 of 180"},
            {"period": "2025", "value": 39, "note": "rank 91 of 182"},
        ],
    },
    # ------------------------------------------------------------------ CPI 1998-2011
    {
        "slug": "cpi-morocco-score-1998-2011",
        "institution": "INPPLC",
        "source_kind": "international",
        "periodicity": "annual",
        "licence": "cc-by-nd-4.0",
        "decimals": 1,
        "scale": ("0", "10"),
        "higher_is_better": True,
        "source_url": CPI_DATASET_URL,
        "is_sample": False,
        "themes": ["prevention", "accountability"],
        "title": _t(
            "مؤشر إدراك الفساد: نقطة المغرب 1998-2011 (السلم القديم من 0 إلى 10)",
            "Indice de perception de la corruption : score du Maroc 1998-2011 (ancienne échelle de 0 à 10)",
            "Corruption Perceptions Index: Morocco's score 1998–2011 (former 0–10 scale)",
        ),
        "intro": _t(
            "نقط المغرب في مؤشر إدراك الفساد قبل أن تغير منظمة الشفافية الدولية منهجيتها سنة 2012، على السلم القديم من 0 إلى 10. وهي معروضة للتوثيق، ولا يمكن مقارنتها بالنقط المنشورة ابتداء من 2012.",
            "Les scores du Maroc à l'indice de perception de la corruption avant le changement de méthode de Transparency International en 2012, sur l'ancienne échelle de 0 à 10. Ils sont donnés pour mémoire et ne peuvent pas être comparés aux scores publiés depuis 2012.",
            "Morocco's scores in the Corruption Perceptions Index before Transparency International changed its method in 2012, on the former scale of 0 to 10. They are kept for the record and cannot be compared with the scores published from 2012 on.",
        ),
        "definition": _t(
            "<p>إلى غاية 2011، كان مؤشر إدراك الفساد لمنظمة الشفافية الدولية يمنح كل بلد نقطة من 0 (فساد شديد) إلى 10 (نزاهة عالية)، بناء على انطباعات الخبراء وأوساط الأعمال عن الفساد في القطاع العام. وكانت النقطة المرتفعة تعني أن الفساد يُدرَك على أنه أقل انتشارا.</p>"
            "<p>لا تقارن هذه النقط بالنقط المنشورة ابتداء من 2012، ولو ضُربت في عشرة: فقد تغيرت المنهجية كما تغير السلم.</p>",
            "<p>Jusqu'en 2011, l'indice de perception de la corruption de Transparency International attribuait à chaque pays un score de 0 (très corrompu) à 10 (très intègre), fondé sur la perception qu'ont les experts et les milieux d'affaires de la corruption dans le secteur public. Un score plus élevé signifiait une corruption perçue comme moins répandue.</p>"
            "<p>Ces scores ne se comparent pas à ceux publiés depuis 2012, même multipliés par dix : la méthode a changé en même temps que l'échelle.</p>",
            "<p>Until 2011, Transparency International's Corruption Perceptions Index gave each country a score from 0 (highly corrupt) to 10 (very clean), based on how experts and business people perceived corruption in the public sector. A higher score meant that corruption was perceived as less widespread.</p>"
            "<p>These scores cannot be compared with those published from 2012 on, even multiplied by ten: the method changed as well as the scale.</p>",
        ),
        "methodology": _t(
            "<p>قبل 2012، كانت كل نسخة من المؤشر تجمع استطلاعات وتقييمات أنجزت خلال السنتين السابقتين، وكانت المصادر والدول المشمولة تتغير من نسخة إلى أخرى؛ ولذلك نبهت منظمة الشفافية الدولية إلى أن تغير نقطة بلد من سنة إلى أخرى قد يعكس تغير المصادر لا تغير الانطباعات. "
            + CC_BY_ND_NOTE["ar"]
            + " ولا تحولها البوابة إلى السلم من 0 إلى 100.</p>"
            "<p>القيم مأخوذة من المجموعة المفتوحة "
            + _a(CPI_DATASET_URL, "datasets/corruption-perceptions-index")
            + " (الملف data/cpi.csv) التي تجمع النسخ السنوية للمؤشر. ترد قيمة 2011 برقمين بعد الفاصلة في المصدر (3,44)، ويعرضها الجدول برقم واحد (3,4) كما نقلتها الصحافة؛ ورتبة 2011 منقولة عن "
            + _a("https://www.yabiladi.com/articles/tagged/12840/ipc.html", "Yabiladi")
            + ". ولا تتضمن المجموعة أي نقطة للمغرب سنة 2001.</p>",
            "<p>Avant 2012, chaque édition combinait des enquêtes et évaluations réalisées au cours des deux années précédentes, et les sources comme les pays couverts changeaient d'une édition à l'autre ; Transparency International avertissait qu'une variation du score d'un pays d'une année à l'autre pouvait refléter un changement de sources plutôt qu'un changement de perception. "
            + CC_BY_ND_NOTE["fr"]
            + " Le portail ne les convertit pas à l'échelle de 0 à 100.</p>"
            "<p>Valeurs tirées du jeu de données ouvert "
            + _a(CPI_DATASET_URL, "datasets/corruption-perceptions-index")
            + " (fichier data/cpi.csv), qui rassemble les éditions annuelles de l'indice. La valeur de 2011 a deux décimales dans la source (3,44) ; le tableau l'arrondit à une décimale (3,4), comme la presse ; le rang de 2011 est rapporté par "
            + _a("https://www.yabiladi.com/articles/tagged/12840/ipc.html", "Yabiladi")
            + ". Le jeu de données ne donne aucun score pour le Maroc en 2001.</p>",
            "<p>Before 2012, each edition combined surveys and assessments carried out over the two previous years, and both the sources and the countries covered changed from one edition to the next; Transparency International warned that a change in a country's score from one year to the next could reflect a change of sources rather than of perceptions. "
            + CC_BY_ND_NOTE["en"]
            + " The portal does not convert them to the 0–100 scale.</p>"
            "<p>Values from the open dataset "
            + _a(CPI_DATASET_URL, "datasets/corruption-perceptions-index")
            + " (file data/cpi.csv), which gathers the yearly editions of the index. The 2011 value has two decimals in the source (3.44); the table rounds it to one decimal (3.4), as the press did; the 2011 rank is reported by "
            + _a("https://www.yabiladi.com/articles/tagged/12840/ipc.html", "Yabiladi")
            + ". The dataset has no score for Morocco in 2001.</p>",
        ),
        "unit": _t("نقطة من 10", "points sur 10", "points out of 10"),
        "source_name": _t(
            "منظمة الشفافية الدولية، مؤشر إدراك الفساد 1998-2011، كما جمعته المجموعة المفتوحة datasets/corruption-perceptions-index",
            "Transparency International, Indice de perception de la corruption 1998-2011, compilé par le jeu de données ouvert datasets/corruption-perceptions-index",
            "Transparency International, Corruption Perceptions Index 1998–2011, as compiled by the open dataset datasets/corruption-perceptions-index",
        ),
        "citation": _t(
            "المصدر: منظمة الشفافية الدولية، مؤشر إدراك الفساد 1998-2011، رخصة CC BY-ND 4.0 (قيم جمعها مشروع datasets/corruption-perceptions-index).",
            "Source : Transparency International, Indice de perception de la corruption 1998-2011, CC BY-ND 4.0 (valeurs compilées par le projet datasets/corruption-perceptions-index).",
            "Source: Transparency International, Corruption Perceptions Index 1998–2011, CC BY-ND 4.0 (values compiled by the datasets/corruption-perceptions-index project).",
        ),
        "notes": [
            (
                "",
                False,
                _t(
                    "لا تقارن هذه النقط بنقط 2012 وما بعدها (منهجية جديدة وسلم من 0 إلى 100): انظر مؤشر «مؤشر إدراك الفساد: نقطة المغرب منذ 2012».",
                    "Ces scores ne se comparent pas à ceux de 2012 et après (nouvelle méthode, échelle de 0 à 100) : voir l'indicateur « Indice de perception de la corruption : score du Maroc depuis 2012 ».",
                    "These scores cannot be compared with those from 2012 on (new method, 0–100 scale): see the indicator “Corruption Perceptions Index: Morocco's score since 2012”.",
                ),
            ),
            (
                "2001",
                False,
                _t(
                    "لا توجد نقطة للمغرب سنة 2001 في المعطيات المصدر.",
                    "Pas de score pour le Maroc en 2001 dans les données sources.",
                    "No score for Morocco in 2001 in the source data.",
                ),
            ),
        ],
        "rows": [
            {"period": "1998", "value": "3.7"},
            {"period": "1999", "value": "4.1"},
            {"period": "2000", "value": "4.7"},
            {"period": "2002", "value": "3.7"},
            {"period": "2003", "value": "3.3"},
            {"period": "2004", "value": "3.2"},
            {"period": "2005", "value": "3.2"},
            {"period": "2006", "value": "3.2"},
            {"period": "2007", "value": "3.5"},
            {"period": "2008", "value": "3.5"},
            {"period": "2009", "value": "3.3"},
            {"period": "2010", "value": "3.4"},
            {
                "period": "2011",
                "value": "3.44",
                "note": "rank 80 of 183; 3.44 in the source data, reported as 3.4 by the press",
            },
        ],
    },
    # ------------------------------------------------------------------ CPI peers 2012-2015
    {
        "slug": "cpi-morocco-and-peers-2012-2015",
        "institution": "INPPLC",
        "source_kind": "international",
        "periodicity": "annual",
        "licence": "cc-by-nd-4.0",
        "decimals": 0,
        "scale": ("0", "100"),
        "higher_is_better": True,
        "source_url": CPI_DATASET_URL,
        "is_sample": False,
        "themes": ["prevention", "international-cooperation"],
        "title": _t(
            "مؤشر إدراك الفساد 2012-2015: المغرب ودول للمقارنة",
            "Indice de perception de la corruption 2012-2015 : le Maroc et des pays de comparaison",
            "Corruption Perceptions Index 2012–2015: Morocco and comparison countries",
        ),
        "intro": _t(
            "نقط المغرب وسبعة بلدان أخرى في مؤشر إدراك الفساد لمنظمة الشفافية الدولية من 2012 إلى 2015، أي في السنوات التي سبقت اعتماد الاستراتيجية الوطنية لمكافحة الفساد في دجنبر 2015.",
            "Les scores du Maroc et de sept autres pays à l'indice de perception de la corruption de Transparency International de 2012 à 2015, les années qui ont précédé l'adoption de la stratégie nationale de lutte contre la corruption en décembre 2015.",
            "The scores of Morocco and seven other countries in Transparency International's Corruption Perceptions Index from 2012 to 2015, the years before the National Anti-Corruption Strategy was adopted in December 2015.",
        ),
        "definition": _t(
            "<p>تتراوح النقطة بين 0 (فساد شديد) و100 (نزاهة عالية)، وتعكس درجة الفساد في القطاع العام لكل بلد كما يدركها الخبراء وأوساط الأعمال. كلما ارتفعت النقطة كان ذلك أفضل.</p>"
            "<p>اختيرت دول المقارنة لأغراض هذه البوابة: بلدان من الشرق الأوسط وشمال إفريقيا (تونس والمملكة العربية السعودية)، واقتصادات صاعدة كبرى (البرازيل وإندونيسيا)، وبلدان يُستشهد كثيرا بإصلاحاتها في مجال مكافحة الفساد (جورجيا ورواندا)، ثم سنغافورة المعروفة بهيئتها لمكافحة الفساد.</p>",
            "<p>Le score va de 0 (très corrompu) à 100 (très intègre) et traduit le degré de corruption que les experts et les milieux d'affaires perçoivent dans le secteur public de chaque pays. Plus il est élevé, mieux c'est.</p>"
            "<p>Les pays de comparaison sont une sélection faite pour ce portail : des pays du Moyen-Orient et d'Afrique du Nord (Tunisie, Arabie saoudite), de grandes économies émergentes (Brésil, Indonésie), des pays souvent cités pour leurs réformes anticorruption (Géorgie, Rwanda) et Singapour, connue pour son agence anticorruption.</p>",
            "<p>The score goes from 0 (highly corrupt) to 100 (very clean) and reflects how corrupt the public sector of each country is perceived to be by experts and business people. A higher score is better.</p>"
            "<p>The comparison countries are a selection made for this portal: countries of the Middle East and North Africa (Tunisia, Saudi Arabia), large emerging economies (Brazil, Indonesia), countries often cited for their anti-corruption reforms (Georgia, Rwanda) and Singapore, known for its anti-corruption agency.</p>",
        ),
        "methodology": _t(
            "<p>القيم مأخوذة من المجموعة المفتوحة "
            + _a(CPI_DATASET_URL, "datasets/corruption-perceptions-index")
            + " (الملف data/cpi.csv) التي تجمع النسخ السنوية للمؤشر. "
            + CC_BY_ND_NOTE["ar"]
            + " وأسماء البلدان هي أسماؤها في المعطيات المصدر. ومنذ 2012 يمكن مقارنة النقط بين البلدان والسنوات، غير أن فارق بضع نقط لا يكون بالضرورة دالا.</p>",
            "<p>Valeurs tirées du jeu de données ouvert "
            + _a(CPI_DATASET_URL, "datasets/corruption-perceptions-index")
            + " (fichier data/cpi.csv), qui rassemble les éditions annuelles de l'indice. "
            + CC_BY_ND_NOTE["fr"]
            + " Les noms des pays sont ceux des données sources. Depuis 2012, les scores se comparent entre pays et entre années, mais un écart de quelques points n'est pas forcément significatif.</p>",
            "<p>Values from the open dataset "
            + _a(CPI_DATASET_URL, "datasets/corruption-perceptions-index")
            + " (file data/cpi.csv), which gathers the yearly editions of the index. "
            + CC_BY_ND_NOTE["en"]
            + " Country names are those of the source data. Since 2012 scores can be compared between countries and years, but a gap of a few points is not necessarily significant.</p>",
        ),
        "unit": _t("نقطة من 100", "points sur 100", "points out of 100"),
        "source_name": _t(
            "منظمة الشفافية الدولية، مؤشر إدراك الفساد 2012-2015، كما جمعته المجموعة المفتوحة datasets/corruption-perceptions-index",
            "Transparency International, Indice de perception de la corruption 2012-2015, compilé par le jeu de données ouvert datasets/corruption-perceptions-index",
            "Transparency International, Corruption Perceptions Index 2012–2015, as compiled by the open dataset datasets/corruption-perceptions-index",
        ),
        "citation": _t(
            "المصدر: منظمة الشفافية الدولية، مؤشر إدراك الفساد 2012-2015، رخصة CC BY-ND 4.0 (قيم جمعها مشروع datasets/corruption-perceptions-index).",
            "Source : Transparency International, Indice de perception de la corruption 2012-2015, CC BY-ND 4.0 (valeurs compilées par le projet datasets/corruption-perceptions-index).",
            "Source: Transparency International, Corruption Perceptions Index 2012–2015, CC BY-ND 4.0 (values compiled by the datasets/corruption-perceptions-index project).",
        ),
        "dimensions": [("country", _t("البلد", "Pays", "Country"))],
        "rows": [
            {"period": period, "value": value, "dims": {"country": country}}
            for country, values in [
                ("Morocco", [37, 37, 39, 36]),
                ("Tunisia", [41, 41, 40, 38]),
                ("Georgia", [52, 49, 52, 52]),
                ("Rwanda", [53, 53, 49, 54]),
                ("Singapore", [87, 86, 84, 85]),
                ("Indonesia", [32, 32, 34, 36]),
                ("Brazil", [43, 42, 43, 38]),
                ("Saudi Arabia", [44, 46, 49, 52]),
            ]
            for period, value in zip(("2012", "2013", "2014", "2015"), values, strict=True)
        ],
    },
    # ------------------------------------------------------------------ World Bank WGI
    {
        "slug": "wgi-control-of-corruption-morocco",
        "institution": "INPPLC",
        "source_kind": "international",
        "periodicity": "annual",
        "licence": "cc-by-4.0",
        "decimals": 3,
        "scale": ("-2.5", "2.5"),
        "higher_is_better": True,
        "source_url": WGI_URL,
        "is_sample": False,
        "themes": ["prevention", "accountability"],
        "title": _t(
            "التحكم في الفساد: تقدير البنك الدولي للمغرب (مؤشرات الحوكمة العالمية)",
            "Maîtrise de la corruption : estimation de la Banque mondiale pour le Maroc (indicateurs mondiaux de gouvernance)",
            "Control of Corruption: World Bank estimate for Morocco (Worldwide Governance Indicators)",
        ),
        "intro": _t(
            "كيف تقيّم مؤشرات الحوكمة العالمية للبنك الدولي التحكم في الفساد بالمغرب منذ 1996، على سلم يمتد تقريبا من سالب 2,5 (تحكم ضعيف) إلى موجب 2,5 (تحكم قوي).",
            "Comment les indicateurs mondiaux de gouvernance de la Banque mondiale évaluent la maîtrise de la corruption au Maroc depuis 1996, sur une échelle allant d'environ −2,5 (maîtrise faible) à +2,5 (maîtrise forte).",
            "How the World Bank's Worldwide Governance Indicators rate the control of corruption in Morocco since 1996, on a scale from about −2.5 (weak control) to +2.5 (strong control).",
        ),
        "definition": _t(
            "<p>«التحكم في الفساد» واحد من المؤشرات الستة للحوكمة العالمية التي ينشرها البنك الدولي. ويقيس الانطباعات عن مدى استعمال السلطة العمومية لتحقيق منافع خاصة، بما في ذلك الفساد الصغير والكبير و«استحواذ» النخب والمصالح الخاصة على الدولة.</p>"
            "<p>يتراوح التقدير تقريبا بين سالب 2,5 (تحكم ضعيف في الفساد) وموجب 2,5 (تحكم قوي)، ويوافق الصفر متوسط الدول المشمولة. كلما ارتفعت القيمة كان ذلك أفضل.</p>",
            "<p>La « maîtrise de la corruption » est l'un des six indicateurs mondiaux de gouvernance publiés par la Banque mondiale. Elle mesure la perception de la mesure dans laquelle le pouvoir public est exercé à des fins privées, y compris la petite et la grande corruption et la « captation » de l'État par les élites et les intérêts privés.</p>"
            "<p>L'estimation va d'environ −2,5 (faible maîtrise de la corruption) à +2,5 (forte maîtrise) ; 0 correspond à la moyenne des pays couverts. Plus la valeur est élevée, mieux c'est.</p>",
            "<p>Control of Corruption is one of the six Worldwide Governance Indicators published by the World Bank. It captures perceptions of the extent to which public power is exercised for private gain, including both petty and grand corruption and the “capture” of the state by elites and private interests.</p>"
            "<p>The estimate ranges from about −2.5 (weak control of corruption) to +2.5 (strong control); 0 corresponds to the average of the countries covered. A higher value is better.</p>",
        ),
        "methodology": _t(
            "<p>يجمع البنك الدولي عددا كبيرا من مصادر المعطيات (استطلاعات للأسر والمقاولات، وتقييمات منظمات غير حكومية ووكالات تصنيف المخاطر وهيئات عمومية) بواسطة نموذج إحصائي، ولكل تقدير هامش خطأ لا يُعرض هنا. وكانت المؤشرات تصدر كل سنتين قبل 2002 (1996 و1998 و2000)، ثم أصبحت سنوية.</p>"
            "<p>السلسلة المعروضة هي التي أعاد نشرها موقع "
            + _a(HISTORYDATA_WGI_URL, "historydata.com")
            + " نقلا عن مؤشرات الحوكمة العالمية للبنك الدولي. ولأن البنك الدولي يراجع السلسلة كلها مع كل إصدار، فقد تختلف هذه القيم عن قيم آخر إصدار: يُرجى التحقق منها في "
            + _a(WGI_URL, "موقع البنك الدولي")
            + " قبل الاستشهاد بها.</p>",
            "<p>La Banque mondiale combine un grand nombre de sources (enquêtes auprès des ménages et des entreprises, évaluations d'organisations non gouvernementales, d'agences de notation des risques et d'organismes publics) au moyen d'un modèle statistique ; chaque estimation a une marge d'erreur, non présentée ici. Les indicateurs étaient publiés tous les deux ans avant 2002 (1996, 1998, 2000), puis chaque année.</p>"
            "<p>La série est celle que republie "
            + _a(HISTORYDATA_WGI_URL, "historydata.com")
            + " à partir des indicateurs mondiaux de gouvernance de la Banque mondiale. Comme la Banque mondiale révise toute la série à chaque publication, ces valeurs peuvent différer de celles de la dernière édition : vérifiez-les sur le "
            + _a(WGI_URL, "site de la Banque mondiale")
            + " avant de les citer.</p>",
            "<p>The World Bank combines many data sources (surveys of households and firms, assessments by non-governmental organisations, risk-rating agencies and public bodies) with a statistical model; each estimate has a margin of error, not shown here. The indicators were published every two years before 2002 (1996, 1998, 2000) and every year since.</p>"
            "<p>The series is the one republished by "
            + _a(HISTORYDATA_WGI_URL, "historydata.com")
            + " from the World Bank's Worldwide Governance Indicators. As the World Bank revises the whole series with each release, these values may differ from those of the latest edition: check them on the "
            + _a(WGI_URL, "World Bank site")
            + " before quoting them.</p>",
        ),
        "unit": _t(
            "تقدير (من سالب 2,5 إلى موجب 2,5 تقريبا)",
            "estimation (d'environ −2,5 à +2,5)",
            "estimate (from about −2.5 to +2.5)",
        ),
        "source_name": _t(
            "البنك الدولي، مؤشرات الحوكمة العالمية، التحكم في الفساد: التقدير، كما أعاد نشرها موقع historydata.com",
            "Banque mondiale, indicateurs mondiaux de gouvernance (WGI), maîtrise de la corruption : estimation, republiée par historydata.com",
            "World Bank, Worldwide Governance Indicators (WGI), Control of Corruption: Estimate, as republished by historydata.com",
        ),
        "citation": _t(
            "البنك الدولي، مؤشرات الحوكمة العالمية، التحكم في الفساد: التقدير، معطيات 1996-2023 (أعاد نشرها historydata.com/data/corruption/morocco)، رخصة CC BY 4.0. قد تختلف القيم عن آخر إصدار للمؤشرات.",
            "Banque mondiale, indicateurs mondiaux de gouvernance, maîtrise de la corruption : estimation, données 1996-2023 (republiées par historydata.com/data/corruption/morocco), CC BY 4.0. Les valeurs peuvent différer de la dernière édition des WGI.",
            "World Bank, Worldwide Governance Indicators, Control of Corruption: Estimate, data 1996–2023 (republished by historydata.com/data/corruption/morocco), CC BY 4.0. Values may differ from the latest WGI edition.",
        ),
        "notes": [
            (
                "2002",
                False,
                _t(
                    "كانت المؤشرات تصدر كل سنتين قبل 2002: لا توجد تقديرات لسنوات 1997 و1999 و2001.",
                    "Indicateurs biennaux avant 2002 : pas d'estimation pour 1997, 1999 et 2001.",
                    "Biennial before 2002: no estimates for 1997, 1999 and 2001.",
                ),
            ),
            (
                "",
                False,
                _t(
                    "يراجع البنك الدولي السلسلة كلها مع كل إصدار: قد تختلف هذه القيم عن قيم آخر إصدار.",
                    "La Banque mondiale révise toute la série à chaque publication : ces valeurs peuvent différer de la dernière édition.",
                    "The World Bank revises the whole series with each release: these values may differ from the latest edition.",
                ),
            ),
        ],
        "rows": [
            {"period": "1996", "value": "-0.107"},
            {"period": "1998", "value": "0.103"},
            {"period": "2000", "value": "-0.234"},
            {"period": "2002", "value": "-0.24"},
            {"period": "2003", "value": "-0.32"},
            {"period": "2004", "value": "-0.244"},
            {"period": "2005", "value": "-0.425"},
            {"period": "2006", "value": "-0.476"},
            {"period": "2007", "value": "-0.387"},
            {"period": "2008", "value": "-0.434"},
            {"period": "2009", "value": "-0.368"},
            {"period": "2010", "value": "-0.231"},
            {"period": "2011", "value": "-0.452"},
            {"period": "2012", "value": "-0.493"},
            {"period": "2013", "value": "-0.423"},
            {"period": "2014", "value": "-0.305"},
            {"period": "2015", "value": "-0.287"},
            {"period": "2016", "value": "-0.191"},
            {"period": "2017", "value": "-0.199"},
            {"period": "2018", "value": "-0.289"},
            {"period": "2019", "value": "-0.334"},
            {"period": "2020", "value": "-0.41"},
            {"period": "2021", "value": "-0.419"},
            {"period": "2022", "value": "-0.387"},
            {"period": "2023", "value": "-0.536"},
        ],
    },
    # ------------------------------------------------------------------ GCB Africa 2019 by service
    {
        "slug": "gcb-2019-bribery-by-service",
        "institution": "INPPLC",
        "source_kind": "international",
        "periodicity": "annual",
        "licence": "cc-by-nd-4.0",
        "decimals": 0,
        "scale": ("0", "100"),
        "higher_is_better": False,
        "source_url": MWN_GCB_2019_URL,
        "is_sample": False,
        "themes": ["prevention", "accountability"],
        "title": _t(
            "مستعملو المرافق العمومية الذين دفعوا رشوة، حسب المرفق (البارومتر العالمي للفساد، إفريقيا 2019)",
            "Usagers des services publics ayant payé un pot-de-vin, par service (Baromètre mondial de la corruption, Afrique 2019)",
            "Users of public services who paid a bribe, by service (Global Corruption Barometer Africa 2019)",
        ),
        "intro": _t(
            "سنة 2019، صرح 31% من مستعملي المرافق العمومية بالمغرب خلال الاثني عشر شهرا السابقة بأنهم دفعوا رشوة، وكانت الصحة والشرطة أكثر المرافق ذكرا، حسب استطلاع منظمة الشفافية الدولية.",
            "En 2019, 31 % des usagers des services publics au Maroc au cours des douze mois précédents ont déclaré avoir payé un pot-de-vin ; la santé et la police sont les services les plus cités, selon l'enquête de Transparency International.",
            "In 2019, 31% of the people in Morocco who had used public services in the previous twelve months said they had paid a bribe; health care and the police were cited most, according to Transparency International's survey.",
        ),
        "definition": _t(
            "<p>نسبة الأشخاص الذين استعملوا مرفقا عموميا خلال الاثني عشر شهرا السابقة للاستطلاع وصرحوا بأنهم دفعوا رشوة للحصول على خدمته. وتُحسب كل نسبة من بين مستعملي المرفق المعني لا من بين جميع المستجوبين: 32% من مستعملي خدمات الصحة، لا 32% من المغاربة.</p>"
            "<p>كلما انخفضت النسبة كان ذلك أفضل. ولا يجوز جمع نسب المرافق المختلفة.</p>",
            "<p>Part des personnes qui ont eu recours à un service public dans les douze mois précédant l'enquête et déclarent avoir payé un pot-de-vin pour l'obtenir. Chaque pourcentage est calculé parmi les usagers du service concerné, non parmi l'ensemble des personnes interrogées : 32 % des usagers des services de santé, et non 32 % des Marocains.</p>"
            "<p>Plus le pourcentage est bas, mieux c'est. Les pourcentages des différents services ne s'additionnent pas.</p>",
            "<p>Share of the people who used a public service in the twelve months before the survey and said they had paid a bribe to obtain it. Each percentage is calculated among the users of that service, not among all respondents: 32% of the users of health care, not 32% of Moroccans.</p>"
            "<p>A lower percentage is better. The percentages of different services cannot be added up.</p>",
        ),
        "methodology": _t(
            "<p>استجوب البارومتر العالمي للفساد – إفريقيا 2019، الذي تنجزه منظمة الشفافية الدولية، 1200 شخص بالمغرب حول آرائهم وتجاربهم مع الفساد. والأرقام الخاصة بالمغرب هي التي نقلها موقع "
            + _a(MWN_GCB_2019_URL, "Morocco World News")
            + " في يوليوز 2019 عن تقرير المنظمة. "
            + CC_BY_ND_NOTE["ar"]
            + " ويشمل المجموع (31%) كل المرافق العمومية التي شملها الاستطلاع.</p>",
            "<p>Le Baromètre mondial de la corruption Afrique 2019 de Transparency International a interrogé 1 200 personnes au Maroc sur leurs opinions et leur expérience de la corruption. Les chiffres du Maroc sont ceux que "
            + _a(MWN_GCB_2019_URL, "Morocco World News")
            + " a rapportés en juillet 2019 d'après le rapport de Transparency International. "
            + CC_BY_ND_NOTE["fr"]
            + " Le total (31 %) porte sur l'ensemble des services publics couverts par l'enquête.</p>",
            "<p>Transparency International's Global Corruption Barometer Africa 2019 surveyed 1,200 people in Morocco about their views and experience of corruption. The figures for Morocco are those reported by "
            + _a(MWN_GCB_2019_URL, "Morocco World News")
            + " in July 2019 from Transparency International's report. "
            + CC_BY_ND_NOTE["en"]
            + " The total (31%) covers all the public services the survey asked about.</p>",
        ),
        "unit": _t("% من المستعملين", "% des usagers", "% of users"),
        "source_name": _t(
            "منظمة الشفافية الدولية، البارومتر العالمي للفساد – إفريقيا 2019، نتائج المغرب كما نقلها Morocco World News (يوليوز 2019)",
            "Transparency International, Baromètre mondial de la corruption Afrique 2019, résultats du Maroc rapportés par Morocco World News (juillet 2019)",
            "Transparency International, Global Corruption Barometer Africa 2019, results for Morocco as reported by Morocco World News (July 2019)",
        ),
        "citation": _t(
            "المصدر: منظمة الشفافية الدولية، البارومتر العالمي للفساد – إفريقيا 2019، رخصة CC BY-ND 4.0 (نتائج المغرب كما نقلها Morocco World News، يوليوز 2019).",
            "Source : Transparency International, Baromètre mondial de la corruption Afrique 2019, CC BY-ND 4.0 (résultats du Maroc rapportés par Morocco World News, juillet 2019).",
            "Source: Transparency International, Global Corruption Barometer Africa 2019, CC BY-ND 4.0 (results for Morocco reported by Morocco World News, July 2019).",
        ),
        "dimensions": [("service", _t("المرفق العمومي", "Service public", "Public service"))],
        "rows": [
            {"period": "2019", "value": 31, "note": "all public services covered by the survey"},
            {"period": "2019", "value": 32, "dims": {"service": "Health care"}},
            {"period": "2019", "value": 31, "dims": {"service": "Police"}},
            {"period": "2019", "value": 6, "dims": {"service": "Public schools"}},
        ],
    },
    # ------------------------------------------------------------------ GCB 2016 (MENA) and 2019 (Africa)
    {
        "slug": "gcb-bribery-rate-2015-2019",
        "institution": "INPPLC",
        "source_kind": "international",
        "periodicity": "annual",
        "licence": "cc-by-nd-4.0",
        "decimals": 0,
        "scale": ("0", "100"),
        "higher_is_better": False,
        "source_url": MWN_GCB_2019_URL,
        "is_sample": False,
        "themes": ["prevention", "accountability"],
        "title": _t(
            "مستعملو المرافق العمومية الذين دفعوا رشوة (البارومتر العالمي للفساد، استطلاعا 2015 و2019)",
            "Usagers des services publics ayant payé un pot-de-vin (Baromètre mondial de la corruption, enquêtes 2015 et 2019)",
            "Users of public services who paid a bribe (Global Corruption Barometer, 2015 and 2019 surveys)",
        ),
        "intro": _t(
            "سأل استطلاعان للبارومتر العالمي للفساد، الذي تنجزه منظمة الشفافية الدولية، المغاربة هل دفعوا رشوة للاستفادة من المرافق العمومية: أجاب 48% بنعم في استطلاع 2014-2015، و31% في استطلاع 2019. والاستطلاعان مختلفان ولا يقارنان مقارنة دقيقة.",
            "Deux enquêtes du Baromètre mondial de la corruption de Transparency International ont demandé aux Marocains s'ils avaient payé un pot-de-vin pour accéder aux services publics : 48 % ont répondu oui dans l'enquête de 2014-2015, 31 % dans celle de 2019. Les deux enquêtes diffèrent et ne se comparent pas strictement.",
            "Two surveys of Transparency International's Global Corruption Barometer asked people in Morocco whether they had paid a bribe to use public services: 48% said yes in the 2014–2015 survey, 31% in the 2019 survey. The two surveys differ and are not strictly comparable.",
        ),
        "definition": _t(
            "<p>نسبة مستعملي المرافق العمومية الذين صرحوا بأنهم دفعوا رشوة خلال الاثني عشر شهرا السابقة للاستطلاع. كلما انخفضت النسبة كان ذلك أفضل.</p>"
            "<p>مصدر القيمتين استطلاعان مختلفان، هما البارومتر العالمي للفساد – الشرق الأوسط وشمال إفريقيا 2016 والبارومتر العالمي للفساد – إفريقيا 2019، أُنجز كل منهما بعينته واستمارته الخاصة: لذا ينبغي مقارنتهما بحذر.</p>",
            "<p>Part des usagers des services publics qui déclarent avoir payé un pot-de-vin dans les douze mois précédant l'enquête. Plus le pourcentage est bas, mieux c'est.</p>"
            "<p>Les deux valeurs viennent de deux enquêtes différentes, le Baromètre mondial de la corruption Moyen-Orient et Afrique du Nord 2016 et le Baromètre mondial de la corruption Afrique 2019, menées chacune avec son propre échantillon et son propre questionnaire : comparez-les avec prudence.</p>",
            "<p>Share of the users of public services who said they had paid a bribe in the twelve months before the survey. A lower percentage is better.</p>"
            "<p>The two values come from two different surveys, the Global Corruption Barometer Middle East and North Africa 2016 and the Global Corruption Barometer Africa 2019, each carried out with its own sample and questionnaire: compare them with care.</p>",
        ),
        "methodology": _t(
            "<p>أُنجز العمل الميداني لنسخة الشرق الأوسط وشمال إفريقيا 2016 من شتنبر 2014 إلى نونبر 2015، ولذلك تُعرض قيمتها تحت سنة 2015، وهي سنة انتهاء العمل الميداني؛ وكان المتوسط الجهوي في هذا الاستطلاع 30%. أما نسخة إفريقيا 2019 فاستجوبت 1200 شخص بالمغرب سنة 2019.</p>"
            "<p>الأرقام الخاصة بالمغرب هي التي نقلتها الصحافة عن تقارير منظمة الشفافية الدولية: "
            + _a(MENAFN_GCB_2016_URL, "Morocco World News عبر MENAFN")
            + " بالنسبة لسنة 2015، و"
            + _a(MWN_GCB_2019_URL, "Morocco World News")
            + " بالنسبة لسنة 2019. "
            + CC_BY_ND_NOTE["ar"]
            + "</p>",
            "<p>L'édition Moyen-Orient et Afrique du Nord 2016 repose sur une enquête de terrain menée de septembre 2014 à novembre 2015 ; sa valeur est présentée sous 2015, année de la fin de l'enquête. La moyenne régionale y était de 30 %. L'édition Afrique 2019 a interrogé 1 200 personnes au Maroc en 2019.</p>"
            "<p>Chiffres du Maroc rapportés par la presse d'après les rapports de Transparency International : "
            + _a(MENAFN_GCB_2016_URL, "Morocco World News via MENAFN")
            + " pour 2015, "
            + _a(MWN_GCB_2019_URL, "Morocco World News")
            + " pour 2019. "
            + CC_BY_ND_NOTE["fr"]
            + "</p>",
            "<p>The 2016 Middle East and North Africa edition was based on fieldwork from September 2014 to November 2015; its value is shown under 2015, the year the fieldwork ended. The regional average in that survey was 30%. The Africa 2019 edition surveyed 1,200 people in Morocco in 2019.</p>"
            "<p>Figures for Morocco as reported by the press from Transparency International's reports: "
            + _a(MENAFN_GCB_2016_URL, "Morocco World News via MENAFN")
            + " for 2015, "
            + _a(MWN_GCB_2019_URL, "Morocco World News")
            + " for 2019. "
            + CC_BY_ND_NOTE["en"]
            + "</p>",
        ),
        "unit": _t("% من المستعملين", "% des usagers", "% of users"),
        "source_name": _t(
            "منظمة الشفافية الدولية، البارومتر العالمي للفساد (الشرق الأوسط وشمال إفريقيا 2016؛ إفريقيا 2019)، نتائج المغرب كما نقلها Morocco World News",
            "Transparency International, Baromètre mondial de la corruption (Moyen-Orient et Afrique du Nord 2016 ; Afrique 2019), résultats du Maroc rapportés par Morocco World News",
            "Transparency International, Global Corruption Barometer (Middle East and North Africa 2016; Africa 2019), results for Morocco as reported by Morocco World News",
        ),
        "citation": _t(
            "المصدر: منظمة الشفافية الدولية، البارومتر العالمي للفساد – الشرق الأوسط وشمال إفريقيا 2016، والبارومتر العالمي للفساد – إفريقيا 2019، رخصة CC BY-ND 4.0.",
            "Source : Transparency International, Baromètre mondial de la corruption Moyen-Orient et Afrique du Nord 2016 et Baromètre mondial de la corruption Afrique 2019, CC BY-ND 4.0.",
            "Source: Transparency International, Global Corruption Barometer Middle East and North Africa 2016 and Global Corruption Barometer Africa 2019, CC BY-ND 4.0.",
        ),
        "notes": [
            (
                "2015",
                False,
                _t(
                    "البارومتر العالمي للفساد – الشرق الأوسط وشمال إفريقيا 2016: عمل ميداني من شتنبر 2014 إلى نونبر 2015، والقيمة معروضة تحت سنة 2015.",
                    "Baromètre Moyen-Orient et Afrique du Nord 2016 : enquête de septembre 2014 à novembre 2015, valeur présentée sous 2015.",
                    "GCB Middle East and North Africa 2016: fieldwork from September 2014 to November 2015, value shown under 2015.",
                ),
            ),
            (
                "2019",
                True,
                _t(
                    "استطلاعان مختلفان: قيمة 2015 مصدرها البارومتر العالمي للفساد – الشرق الأوسط وشمال إفريقيا 2016، وقيمة 2019 مصدرها البارومتر العالمي للفساد – إفريقيا 2019، ولكل منهما عينته واستمارته؛ لذا لا يعد الفرق بينهما اتجاها مقيسا.",
                    "Deux enquêtes différentes : la valeur de 2015 vient du Baromètre Moyen-Orient et Afrique du Nord 2016, celle de 2019 du Baromètre Afrique 2019, chacune avec son échantillon et son questionnaire ; l'écart entre elles n'est pas une évolution mesurée.",
                    "Two different surveys: the 2015 value comes from the GCB Middle East and North Africa 2016, the 2019 value from the GCB Africa 2019, each with its own sample and questionnaire; the gap between them is not a measured trend.",
                ),
            ),
        ],
        "rows": [
            {
                "period": "2015",
                "value": 48,
                "note": "GCB Middle East and North Africa 2016, fieldwork 2014-09 to 2015-11",
            },
            {"period": "2019", "value": 31, "note": "GCB Africa 2019, 1,200 respondents"},
        ],
    },
    # ------------------------------------------------------------------ chikaya.ma per year
    {
        "slug": "chikaya-complaints-per-year",
        "institution": "MTNRA",
        "source_kind": "national",
        "periodicity": "annual",
        "licence": "public",
        "decimals": 0,
        "higher_is_better": None,
        "source_url": CHIKAYA_OBSERVATEUR_URL,
        "is_sample": False,
        "themes": ["transparency", "accountability"],
        "title": _t(
            "الشكايات الواردة على البوابة الوطنية للشكايات chikaya.ma سنويا",
            "Réclamations reçues par le portail national des réclamations chikaya.ma, par an",
            "Complaints received by the national complaints portal chikaya.ma, per year",
        ),
        "intro": _t(
            "عدد الشكايات التي يودعها المرتفقون كل سنة ضد الإدارات العمومية على البوابة الوطنية للشكايات chikaya.ma، العاملة منذ يناير 2018. أرقام صحفية ينبغي التحقق منها في الإحصاءات الرسمية للبوابة.",
            "Le nombre de réclamations déposées chaque année par les usagers contre les administrations publiques sur chikaya.ma, le portail national des réclamations en service depuis janvier 2018. Chiffres de presse, à vérifier dans les statistiques officielles de la plateforme.",
            "How many complaints users filed each year about public administrations on chikaya.ma, the national complaints portal in service since January 2018. Press figures, to be checked against the platform's official statistics.",
        ),
        "definition": _t(
            "<p>عدد الشكايات المودعة خلال السنة على chikaya.ma، البوابة الوطنية التي تمكن مرتفقي المرافق العمومية من تقديم شكاية ضد وزارة أو جماعة ترابية أو مؤسسة أو مقاولة عمومية، وتتبعها وتقييم الجواب عنها. ويشمل العدد كل الشكايات الواردة أيا كان الجواب.</p>"
            "<p>هذه <strong>أرقام صحفية</strong>: إحصاءات البوابة كما نقلتها الجرائد المغربية، ولم تُقارن بعد بمنشور رسمي. وارتفاع عدد الشكايات ليس في حد ذاته أمرا جيدا أو سيئا: فقد يدل على مشاكل أكثر في المرافق، أو على بوابة أكثر شهرة وثقة لدى المرتفقين.</p>",
            "<p>Nombre de réclamations déposées dans l'année sur chikaya.ma, le portail national qui permet aux usagers des services publics de se plaindre d'un ministère, d'une collectivité territoriale ou d'un établissement ou d'une entreprise publics, de suivre leur réclamation et d'en évaluer la réponse. Le nombre comprend toutes les réclamations reçues, quelle que soit la réponse.</p>"
            "<p>Ce sont des <strong>chiffres de presse</strong> : les statistiques de la plateforme telles que les journaux marocains les ont rapportées, pas encore rapprochées d'une publication officielle. Plus de réclamations n'est ni bon ni mauvais en soi : cela peut traduire davantage de problèmes dans les services, ou une plateforme mieux connue et à laquelle on fait plus confiance.</p>",
            "<p>Number of complaints filed in the year on chikaya.ma, the national portal where users of public services can complain about a ministry, a local authority or a public body or company, follow their complaint and rate the answer. The count includes all complaints received, whatever the answer.</p>"
            "<p>These are <strong>press figures</strong>: the platform's statistics as reported by Moroccan newspapers, not yet checked against an official publication. More complaints is neither good nor bad in itself: it may reflect more problems with services, or a platform that is better known and more trusted.</p>",
        ),
        "methodology": _t(
            "<p>منذ يناير 2018 (المرسوم رقم 2.17.265)، تحيل البوابة كل شكاية على الإدارة المختصة داخل أجل 15 يوما، وعلى الإدارة أن تجيب داخل أجل 60 يوما. والأرقام هي إحصاءات البوابة كما نقلتها الصحافة: "
            + _a(CHIKAYA_OBSERVATEUR_URL, "L'Observateur du Maroc")
            + " (يناير 2023: سنوات 2018 و2020 و2022)، و"
            + _a(CHIKAYA_AUJOURDHUI_2021_URL, "Aujourd'hui le Maroc")
            + " (يناير 2022: الأرقام الشهرية لسنة 2021)، و"
            + _a(CHIKAYA_BLADI_URL, "Bladi.net")
            + " (سنوات 2023 إلى 2025).</p>"
            "<p>قيمة 2021 هي مجموع الأرقام الشهرية التي نشرتها Aujourd'hui le Maroc؛ أما رقم 179.141 الذي تورده الجريدة فيمتد من فاتح يناير 2021 إلى 6 يناير 2022، ويشمل 2.941 شكاية وردت من فاتح إلى 6 يناير 2022. وبالنسبة لسنة 2022، تورد L'Observateur du Maroc رقم 176.753 شكاية وتورد "
            + _a(CHIKAYA_AUJOURDHUI_2022_URL, "Aujourd'hui le Maroc")
            + " رقم 176.744، والجدول يعرض الرقم الأول. وقيمتا 2023 و2024 مقربتان في المصدر. ولم يُعثر على أي رقم لسنة 2019.</p>",
            "<p>Depuis janvier 2018 (décret n° 2-17-265), le portail transmet chaque réclamation à l'administration compétente dans un délai de 15 jours, et l'administration doit répondre dans un délai de 60 jours. Les chiffres sont les statistiques de la plateforme rapportées par la presse : "
            + _a(CHIKAYA_OBSERVATEUR_URL, "L'Observateur du Maroc")
            + " (janvier 2023 : 2018, 2020 et 2022), "
            + _a(CHIKAYA_AUJOURDHUI_2021_URL, "Aujourd'hui le Maroc")
            + " (janvier 2022 : chiffres mensuels de 2021) et "
            + _a(CHIKAYA_BLADI_URL, "Bladi.net")
            + " (2023 à 2025).</p>"
            "<p>La valeur de 2021 est la somme des chiffres mensuels publiés par Aujourd'hui le Maroc ; le total de 179 141 donné par le journal court du 1er janvier 2021 au 6 janvier 2022 et comprend 2 941 réclamations reçues du 1er au 6 janvier 2022. Pour 2022, L'Observateur du Maroc donne 176 753 réclamations et "
            + _a(CHIKAYA_AUJOURDHUI_2022_URL, "Aujourd'hui le Maroc")
            + " 176 744 ; le tableau retient le premier chiffre. Les valeurs de 2023 et 2024 sont arrondies dans la source. Aucun chiffre n'a été trouvé pour 2019.</p>",
            "<p>Since January 2018 (decree 2-17-265), the portal forwards each complaint to the competent administration within 15 days, and the administration must answer within 60 days. The figures are the platform's statistics as reported by the press: "
            + _a(CHIKAYA_OBSERVATEUR_URL, "L'Observateur du Maroc")
            + " (January 2023: 2018, 2020 and 2022), "
            + _a(CHIKAYA_AUJOURDHUI_2021_URL, "Aujourd'hui le Maroc")
            + " (January 2022: monthly figures for 2021) and "
            + _a(CHIKAYA_BLADI_URL, "Bladi.net")
            + " (2023 to 2025).</p>"
            "<p>The 2021 value is the sum of the monthly figures published by Aujourd'hui le Maroc; the total of 179,141 given by the newspaper runs from 1 January 2021 to 6 January 2022 and includes 2,941 complaints received from 1 to 6 January 2022. For 2022, L'Observateur du Maroc gives 176,753 complaints and "
            + _a(CHIKAYA_AUJOURDHUI_2022_URL, "Aujourd'hui le Maroc")
            + " 176,744; the table shows the first figure. The 2023 and 2024 values are rounded in the source. No figure was found for 2019.</p>",
        ),
        "unit": _t("شكاية", "réclamations", "complaints"),
        "source_name": _t(
            "إحصاءات البوابة الوطنية للشكايات chikaya.ma كما نقلتها الصحافة (L'Observateur du Maroc وAujourd'hui le Maroc وBladi.net): أرقام صحفية",
            "Statistiques du portail national des réclamations chikaya.ma rapportées par la presse (L'Observateur du Maroc, Aujourd'hui le Maroc, Bladi.net) : chiffres de presse",
            "Statistics of the national complaints portal chikaya.ma as reported by the press (L'Observateur du Maroc, Aujourd'hui le Maroc, Bladi.net): press figures",
        ),
        "citation": _t(
            "أرقام صحفية: إحصاءات chikaya.ma (وزارة الانتقال الرقمي وإصلاح الإدارة) كما نقلتها L'Observateur du Maroc (يناير 2023) وAujourd'hui le Maroc (يناير 2022 ويناير 2023) وBladi.net (أرقام 2023 و2024 و2025). معلومات عمومية، يتعين التحقق منها لدى الوزارة.",
            "Chiffres de presse : statistiques de chikaya.ma (ministère de la Transition numérique et de la Réforme de l'administration) rapportées par L'Observateur du Maroc (janvier 2023), Aujourd'hui le Maroc (janvier 2022 et janvier 2023) et Bladi.net (chiffres de 2023 à 2025). Information publique, à vérifier auprès du ministère.",
            "Press figures: chikaya.ma statistics (Ministry of Digital Transition and Administrative Reform) as reported by L'Observateur du Maroc (January 2023), Aujourd'hui le Maroc (January 2022 and January 2023) and Bladi.net (figures for 2023 to 2025). Public information, to be checked with the ministry.",
        ),
        "notes": [
            (
                "2019",
                False,
                _t(
                    "لم يُعثر على أي رقم لسنة 2019.",
                    "Aucun chiffre trouvé pour 2019.",
                    "No figure found for 2019.",
                ),
            ),
            (
                "2020",
                False,
                _t(
                    "ذروة استثنائية خلال جائحة كوفيد-19: 539.352 شكاية من أصل 658.175 همت 38 إدارة.",
                    "Pic exceptionnel pendant la pandémie de Covid-19 : 539 352 des 658 175 réclamations concernaient 38 administrations.",
                    "Exceptional peak during the Covid-19 pandemic: 539,352 of the 658,175 complaints concerned 38 administrations.",
                ),
            ),
        ],
        "rows": [
            {"period": "2018", "value": 83929, "note": "first year of the portal"},
            {
                "period": "2020",
                "value": 658175,
                "note": "Covid-19 peak; 539,352 complaints concerned 38 administrations",
            },
            {
                "period": "2021",
                "value": 176200,
                "note": "sum of the monthly figures reported by Aujourd'hui le Maroc",
            },
            {
                "period": "2022",
                "value": 176753,
                "note": "concerning 1,735 administrations; Aujourd'hui le Maroc reports 176,744",
            },
            {"period": "2023", "value": 186000, "note": "rounded (about 186,000)"},
            {"period": "2024", "value": 177000, "note": "rounded (about 177,000)"},
            {
                "period": "2025",
                "value": 163694,
                "note": "1,747 administrations connected; response rate 66%",
            },
        ],
    },
    # ------------------------------------------------------------------ chikaya.ma per month
    {
        "slug": "chikaya-complaints-per-month",
        "institution": "MTNRA",
        "source_kind": "national",
        "periodicity": "monthly",
        "licence": "public",
        "decimals": 0,
        "higher_is_better": None,
        "source_url": CHIKAYA_AUJOURDHUI_2022_URL,
        "is_sample": False,
        "themes": ["transparency", "accountability"],
        "title": _t(
            "الشكايات الواردة على البوابة الوطنية للشكايات chikaya.ma شهريا (2021-2022)",
            "Réclamations reçues par le portail national des réclamations chikaya.ma, par mois (2021-2022)",
            "Complaints received by the national complaints portal chikaya.ma, per month (2021–2022)",
        ),
        "intro": _t(
            "عدد الشكايات المودعة كل شهر على البوابة الوطنية للشكايات chikaya.ma خلال سنتي 2021 و2022، كما نقلته الصحافة عن إحصاءات البوابة. أرقام صحفية.",
            "Le nombre de réclamations déposées chaque mois sur le portail national chikaya.ma en 2021 et 2022, tel que la presse l'a rapporté d'après les statistiques de la plateforme. Chiffres de presse.",
            "Complaints filed each month on the national complaints portal chikaya.ma in 2021 and 2022, as reported by the press from the platform's statistics. Press figures.",
        ),
        "definition": _t(
            "<p>عدد الشكايات المودعة خلال الشهر على chikaya.ma ضد الوزارات والجماعات الترابية والمؤسسات والمقاولات العمومية، أيا كان الجواب عنها. ويكشف الرقم الشهري التغيرات خلال السنة، كانخفاض العدد في شهري يوليوز وغشت من السنتين.</p>"
            "<p>هذه <strong>أرقام صحفية</strong>: إحصاءات البوابة كما نقلتها جريدة Aujourd'hui le Maroc، ولم تُقارن بعد بمنشور رسمي. وارتفاع عدد الشكايات ليس في حد ذاته أمرا جيدا أو سيئا.</p>",
            "<p>Nombre de réclamations déposées dans le mois sur chikaya.ma contre les ministères, les collectivités territoriales et les établissements et entreprises publics, quelle que soit la réponse. Le chiffre mensuel fait apparaître les variations au fil de l'année, comme le recul de juillet et août les deux années.</p>"
            "<p>Ce sont des <strong>chiffres de presse</strong> : les statistiques de la plateforme telles qu'Aujourd'hui le Maroc les a rapportées, pas encore rapprochées d'une publication officielle. Plus de réclamations n'est ni bon ni mauvais en soi.</p>",
            "<p>Number of complaints filed in the month on chikaya.ma about ministries, local authorities and public bodies and companies, whatever the answer. The monthly figure shows changes within the year, such as the lower numbers of July and August in both years.</p>"
            "<p>These are <strong>press figures</strong>: the platform's statistics as reported by Aujourd'hui le Maroc, not yet checked against an official publication. More complaints is neither good nor bad in itself.</p>",
        ),
        "methodology": _t(
            "<p>الأرقام الشهرية للبوابة كما نشرتها Aujourd'hui le Maroc: أرقام 2021 في يناير 2022 ("
            + _a(CHIKAYA_AUJOURDHUI_2021_URL, "عبر Maghress")
            + ")، وأرقام 2022 في يناير 2023 ("
            + _a(CHIKAYA_AUJOURDHUI_2022_URL, "aujourdhui.ma")
            + "). ولم يُعثر على أرقام شهرية لما بعد دجنبر 2022.</p>"
            "<p>كُتب رقم أبريل 2022 في المصدر «1.3045»، وهو خطأ مطبعي واضح صوابه 13.045، وهي القيمة المعروضة. ومجموع أشهر 2022 هو 176.752، أي أكثر بقليل من المجموع السنوي الذي تورده الجريدة نفسها (176.744).</p>",
            "<p>Chiffres mensuels de la plateforme publiés par Aujourd'hui le Maroc : ceux de 2021 en janvier 2022 ("
            + _a(CHIKAYA_AUJOURDHUI_2021_URL, "via Maghress")
            + "), ceux de 2022 en janvier 2023 ("
            + _a(CHIKAYA_AUJOURDHUI_2022_URL, "aujourdhui.ma")
            + "). Aucun chiffre mensuel n'a été trouvé après décembre 2022.</p>"
            "<p>Le chiffre d'avril 2022 est écrit « 1.3045 » dans la source, une faute de frappe manifeste pour 13 045, valeur retenue. Les mois de 2022 totalisent 176 752, un peu plus que le total annuel donné par le même journal (176 744).</p>",
            "<p>Monthly figures of the platform published by Aujourd'hui le Maroc: those of 2021 in January 2022 ("
            + _a(CHIKAYA_AUJOURDHUI_2021_URL, "via Maghress")
            + "), those of 2022 in January 2023 ("
            + _a(CHIKAYA_AUJOURDHUI_2022_URL, "aujourdhui.ma")
            + "). No monthly figures were found after December 2022.</p>"
            "<p>The April 2022 figure is written “1.3045” in the source, an obvious typing error for 13,045, the value shown. The months of 2022 add up to 176,752, slightly more than the yearly total given by the same newspaper (176,744).</p>",
        ),
        "unit": _t("شكاية", "réclamations", "complaints"),
        "source_name": _t(
            "إحصاءات البوابة الوطنية للشكايات chikaya.ma كما نقلتها Aujourd'hui le Maroc (يناير 2022 ويناير 2023): أرقام صحفية",
            "Statistiques du portail national des réclamations chikaya.ma rapportées par Aujourd'hui le Maroc (janvier 2022 et janvier 2023) : chiffres de presse",
            "Statistics of the national complaints portal chikaya.ma as reported by Aujourd'hui le Maroc (January 2022 and January 2023): press figures",
        ),
        "citation": _t(
            "أرقام صحفية: إحصاءات chikaya.ma (وزارة الانتقال الرقمي وإصلاح الإدارة) كما نقلتها Aujourd'hui le Maroc، يناير 2022 ويناير 2023. معلومات عمومية، يتعين التحقق منها لدى الوزارة.",
            "Chiffres de presse : statistiques de chikaya.ma (ministère de la Transition numérique et de la Réforme de l'administration) rapportées par Aujourd'hui le Maroc, janvier 2022 et janvier 2023. Information publique, à vérifier auprès du ministère.",
            "Press figures: chikaya.ma statistics (Ministry of Digital Transition and Administrative Reform) as reported by Aujourd'hui le Maroc, January 2022 and January 2023. Public information, to be checked with the ministry.",
        ),
        "notes": [
            (
                "2022-04",
                False,
                _t(
                    "كُتب في المصدر «1.3045»: خطأ مطبعي صوابه 13.045.",
                    "Écrit « 1.3045 » dans la source : faute de frappe pour 13 045.",
                    "Written “1.3045” in the source: a typing error for 13,045.",
                ),
            ),
        ],
        "rows": [
            {"period": "2021-01", "value": 14957},
            {"period": "2021-02", "value": 15325},
            {"period": "2021-03", "value": 18013},
            {"period": "2021-04", "value": 16156},
            {"period": "2021-05", "value": 15442},
            {"period": "2021-06", "value": 15726},
            {"period": "2021-07", "value": 12961},
            {"period": "2021-08", "value": 11263},
            {"period": "2021-09", "value": 13426},
            {"period": "2021-10", "value": 12893},
            {"period": "2021-11", "value": 14436},
            {"period": "2021-12", "value": 15602},
            {"period": "2022-01", "value": 17004},
            {"period": "2022-02", "value": 15704},
            {"period": "2022-03", "value": 15199},
            {"period": "2022-04", "value": 13045, "note": "written 1.3045 in the source"},
            {"period": "2022-05", "value": 14447},
            {"period": "2022-06", "value": 15780},
            {"period": "2022-07", "value": 12945},
            {"period": "2022-08", "value": 12434},
            {"period": "2022-09", "value": 14993},
            {"period": "2022-10", "value": 16783},
            {"period": "2022-11", "value": 14649},
            {"period": "2022-12", "value": 13769},
        ],
    },
    # ------------------------------------------------------------------ peer agencies
    {
        "slug": "anti-corruption-agencies-complaints",
        "institution": "INPPLC",
        "source_kind": "international",
        "periodicity": "annual",
        "licence": "public",
        "decimals": 0,
        "higher_is_better": None,
        "source_url": ICAC_URL,
        "is_sample": False,
        "themes": ["whistleblower-protection", "international-cooperation"],
        "title": _t(
            "الشكايات والتبليغات التي تتلقاها هيئات مكافحة الفساد في بلدان أخرى، سنويا",
            "Plaintes et signalements reçus par des agences anticorruption étrangères, par an",
            "Complaints and reports received by anti-corruption agencies abroad, per year",
        ),
        "intro": _t(
            "عدد الشكايات أو التبليغات المتعلقة بالفساد التي تتلقاها سنويا بعض هيئات مكافحة الفساد في الخارج: هيئة هونغ كونغ (ICAC)، ومكتب سنغافورة (CPIB)، وهيئة «نزاهة» السعودية، والهيئة التونسية (INLUCC). وتختلف التعاريف من هيئة إلى أخرى.",
            "Le nombre de plaintes ou de signalements de corruption que reçoivent chaque année quelques agences anticorruption étrangères : l'ICAC de Hong Kong, le CPIB de Singapour, Nazaha en Arabie saoudite et l'INLUCC en Tunisie. Les définitions diffèrent d'une agence à l'autre.",
            "How many complaints or reports about corruption some anti-corruption agencies abroad receive each year: Hong Kong's ICAC, Singapore's CPIB, Saudi Arabia's Nazaha and Tunisia's INLUCC. Definitions differ from one agency to another.",
        ),
        "definition": _t(
            "<p>عدد الشكايات أو التبليغات المتعلقة بالفساد التي تلقتها هيئة لمكافحة الفساد من العموم خلال السنة. ولا يعني ارتفاع العدد مزيدا من الفساد: فهو يعكس أيضا مدى معرفة الناس بالهيئة وثقتهم فيها، وسهولة التبليغ، وما تحتسبه كل هيئة.</p>"
            "<p>لكل هيئة طريقتها في الاحتساب، لذا تُقارن الاتجاهات لا المستويات: تحتسب ICAC شكايات الفساد (دون الشكايات المتعلقة بالانتخابات)؛ ويحتسب CPIB التبليغات المتعلقة بالفساد (دون التبليغات الأخرى التي يتلقاها)؛ وتحتسب «نزاهة» البلاغات الواردة؛ وتحتسب INLUCC الملفات الواردة عبر جميع القنوات.</p>",
            "<p>Nombre de plaintes ou de signalements de corruption qu'une agence anticorruption a reçus du public dans l'année. Un nombre plus élevé ne signifie pas plus de corruption : il reflète aussi la notoriété de l'agence et la confiance qu'elle inspire, la facilité de signaler et ce que chaque agence compte.</p>"
            "<p>Chaque agence compte à sa manière ; comparez les évolutions plutôt que les niveaux : l'ICAC compte les plaintes pour corruption (hors plaintes électorales) ; le CPIB, les signalements liés à la corruption (sans les autres signalements qu'il reçoit) ; Nazaha, les signalements reçus ; l'INLUCC, les dossiers reçus par tous les canaux.</p>",
            "<p>Number of complaints or reports about corruption that an anti-corruption agency received from the public in the year. A higher number does not mean more corruption: it also reflects how well known and trusted the agency is, how easy it is to report, and what each agency counts.</p>"
            "<p>Each agency counts in its own way, so compare trends rather than levels: ICAC counts corruption complaints (excluding election complaints); CPIB counts corruption-related reports (not the other reports it receives); Nazaha counts reports received; INLUCC counts files received through all channels.</p>",
        ),
        "methodology": _t(
            "<p>المصادر: "
            + _a(ICAC_URL, "أرقام الشكايات لهيئة ICAC")
            + " (2014-2023)؛ أرقام CPIB كما نشرتها "
            + _a(CPIB_2015_URL, "The Straits Times")
            + " (2015) و"
            + _a(CPIB_2018_URL, "بلاغات CPIB")
            + " (2017-2018 و"
            + _a(CPIB_2019_URL, "2019")
            + ") و"
            + _a(CPIB_2022_URL, "The Straits Times")
            + " (2021-2022)؛ "
            + _a(NAZAHA_2017_URL, "نزاهة")
            + " (2016-2017) و"
            + _a(NAZAHA_2018_URL, "International Investment")
            + " (2018)؛ "
            + _a(INLUCC_2017_URL, "Tunelyz")
            + " (2017، INLUCC).</p>"
            "<p>بالنسبة لسنغافورة، استُبعد رقم 736 شكاية لسنة 2014 لأنه يشمل شكايات لا تتعلق بالفساد، فلا يقارن بالسنوات اللاحقة. والسنوات التي لا رقم لها ناقصة وليست صفرا.</p>",
            "<p>Sources : "
            + _a(ICAC_URL, "chiffres des plaintes de l'ICAC")
            + " (2014-2023) ; chiffres du CPIB rapportés par "
            + _a(CPIB_2015_URL, "The Straits Times")
            + " (2015), les "
            + _a(CPIB_2018_URL, "communiqués du CPIB")
            + " (2017-2018 et "
            + _a(CPIB_2019_URL, "2019")
            + ") et "
            + _a(CPIB_2022_URL, "The Straits Times")
            + " (2021-2022) ; "
            + _a(NAZAHA_2017_URL, "Nazaha")
            + " (2016-2017) et "
            + _a(NAZAHA_2018_URL, "International Investment")
            + " (2018) ; "
            + _a(INLUCC_2017_URL, "Tunelyz")
            + " (2017, INLUCC).</p>"
            "<p>Pour Singapour, les 736 plaintes de 2014 sont écartées : ce total comprenait des plaintes sans lien avec la corruption et ne se compare pas aux années suivantes. Les années sans chiffre sont manquantes, non nulles.</p>",
            "<p>Sources: "
            + _a(ICAC_URL, "ICAC complaint figures")
            + " (2014–2023); CPIB figures reported by "
            + _a(CPIB_2015_URL, "The Straits Times")
            + " (2015), "
            + _a(CPIB_2018_URL, "CPIB press releases")
            + " (2017–2018 and "
            + _a(CPIB_2019_URL, "2019")
            + ") and "
            + _a(CPIB_2022_URL, "The Straits Times")
            + " (2021–2022); "
            + _a(NAZAHA_2017_URL, "Nazaha")
            + " (2016–2017) and "
            + _a(NAZAHA_2018_URL, "International Investment")
            + " (2018); "
            + _a(INLUCC_2017_URL, "Tunelyz")
            + " (2017, INLUCC).</p>"
            "<p>For Singapore, the 736 complaints of 2014 are left out: that total included complaints not related to corruption and cannot be compared with the following years. Years without a figure are missing, not zero.</p>",
        ),
        "unit": _t("شكايات أو تبليغات", "plaintes ou signalements", "complaints or reports"),
        "source_name": _t(
            "ICAC (هونغ كونغ)؛ CPIB (سنغافورة) وThe Straits Times؛ نزاهة (السعودية) وInternational Investment؛ INLUCC (تونس) عبر Tunelyz",
            "ICAC (Hong Kong) ; CPIB (Singapour) et The Straits Times ; Nazaha (Arabie saoudite) et International Investment ; INLUCC (Tunisie) via Tunelyz",
            "ICAC (Hong Kong); CPIB (Singapore) and The Straits Times; Nazaha (Saudi Arabia) and International Investment; INLUCC (Tunisia) via Tunelyz",
        ),
        "citation": _t(
            "المصادر: اللجنة المستقلة لمكافحة الفساد (هونغ كونغ)، أرقام الشكايات 2014-2023؛ مكتب التحقيق في ممارسات الفساد (سنغافورة)، إحصاءات 2015-2022 كما نشرها المكتب وThe Straits Times؛ نزاهة (المملكة العربية السعودية)، 2016-2018؛ الهيئة الوطنية لمكافحة الفساد (تونس)، 2017، كما نقلها Tunelyz (2019).",
            "Sources : Independent Commission Against Corruption (Hong Kong), plaintes 2014-2023 ; Corrupt Practices Investigation Bureau (Singapour), statistiques 2015-2022 publiées par le CPIB et The Straits Times ; Nazaha (Arabie saoudite), 2016-2018 ; Instance nationale de lutte contre la corruption (Tunisie), 2017, rapporté par Tunelyz (2019).",
            "Sources: Independent Commission Against Corruption (Hong Kong), complaint figures 2014–2023; Corrupt Practices Investigation Bureau (Singapore), statistics 2015–2022 published by CPIB and The Straits Times; Nazaha (Saudi Arabia), 2016–2018; National Anti-Corruption Authority (Tunisia), 2017, as reported by Tunelyz (2019).",
        ),
        "dimensions": [("agency", _t("الهيئة", "Agence", "Agency"))],
        "notes": [
            (
                "",
                False,
                _t(
                    "تختلف التعاريف من هيئة إلى أخرى: قارن الاتجاهات لا المستويات.",
                    "Les définitions diffèrent d'une agence à l'autre : comparez les évolutions, non les niveaux.",
                    "Definitions differ between agencies: compare trends, not levels.",
                ),
            ),
        ],
        "rows": [
            *(
                {"period": period, "value": value, "dims": {"agency": "ICAC (Hong Kong)"}}
                for period, value in [
                    ("2014", 2363),
                    ("2015", 2803),
                    ("2016", 2891),
                    ("2017", 2835),
                    ("2018", 2665),
                    ("2019", 2297),
                    ("2020", 1924),
                    ("2021", 2264),
                    ("2022", 1835),
                    ("2023", 2001),
                ]
            ),
            *(
                {"period": period, "value": value, "dims": {"agency": "CPIB (Singapore)"}}
                for period, value in [
                    ("2015", 475),
                    ("2017", 368),
                    ("2018", 358),
                    ("2019", 350),
                    ("2021", 249),
                    ("2022", 234),
                ]
            ),
            *(
                {"period": period, "value": value, "dims": {"agency": "Nazaha (Saudi Arabia)"}}
                for period, value in [("2016", 6482), ("2017", 10402), ("2018", 15591)]
            ),
            {"period": "2017", "value": 9225, "dims": {"agency": "INLUCC (Tunisia)"}},
        ],
    },
    # ------------------------------------------------------------------ SAMPLE: asset declarations
    {
        "slug": "sample-asset-declarations-by-region",
        "institution": "CC",
        "source_kind": "national",
        "periodicity": "annual",
        "licence": "cc-by-4.0",
        "decimals": 0,
        "higher_is_better": None,
        "source_url": "",
        "is_sample": True,
        "themes": ["asset-declaration", "accountability"],
        "title": _t(
            "التصريحات بالممتلكات المودعة حسب الجهة (معطيات نموذجية)",
            "Déclarations de patrimoine déposées, par région (données d'exemple)",
            "Asset declarations filed, by region (sample data)",
        ),
        "intro": _t(
            "معطيات نموذجية لا تصدر عن المجلس الأعلى للحسابات: سلسلة مختلقة تبين كيف تعرض البوابة مؤشرا موزعا على جهات المملكة الاثنتي عشرة مع المجموع الوطني.",
            "Données d'exemple, qui ne viennent pas de la Cour des comptes : une série inventée pour montrer comment le portail présente un indicateur réparti entre les douze régions du Royaume, avec le total national.",
            "Sample data, not from the Court of Accounts: an invented series showing how the portal presents an indicator broken down by the Kingdom's twelve regions, with the national total.",
        ),
        "definition": _t(
            "<p>في سلسلة حقيقية، يكون هذا عدد التصريحات بالممتلكات التي أودعها خلال السنة لدى المجلس الأعلى للحسابات الأشخاص الملزمون بها قانونا، موزعة حسب الجهة. والمجلس هو الذي يتلقى هذه التصريحات ويراقبها.</p>"
            "<p>القيم المعروضة هنا <strong>مختلقة</strong> ولا تصف أي واقع.</p>",
            "<p>Dans une série réelle, ce serait le nombre de déclarations de patrimoine déposées dans l'année auprès de la Cour des comptes par les personnes que la loi y oblige, réparties par région. C'est la Cour qui reçoit et contrôle ces déclarations.</p>"
            "<p>Les valeurs présentées ici sont <strong>inventées</strong> et ne décrivent aucune réalité.</p>",
            "<p>In a real series, this would be the number of asset declarations filed in the year with the Court of Accounts by the persons the law requires to declare, broken down by region. The Court is the body that receives and checks these declarations.</p>"
            "<p>The values shown here are <strong>invented</strong> and describe nothing real.</p>",
        ),
        "methodology": _t(
            "<p>معطيات نموذجية: القيم مختلقة لإبراز وظائف البوابة (التوزيع حسب الجهة، والمجموع، والرسوم البيانية، والتحميل). وليست أرقاما صادرة عن المجلس الأعلى للحسابات ولا يجوز الاستشهاد بها.</p>"
            "<p>مجموع كل سنة يساوي مجموع الجهات الاثنتي عشرة.</p>",
            "<p>Données d'exemple : les valeurs sont inventées pour montrer les fonctions du portail (répartition par région, total, graphiques, téléchargement). Ce ne sont pas des chiffres de la Cour des comptes ; ne les citez pas.</p>"
            "<p>Le total de chaque année est la somme des douze régions.</p>",
            "<p>Sample data: the values are invented to show the portal's features (breakdown by region, total, charts, downloads). They are not figures of the Court of Accounts and must not be quoted.</p>"
            "<p>Each year's total is the sum of the twelve regions.</p>",
        ),
        "unit": _t("تصريح", "déclarations", "declarations"),
        "source_name": SAMPLE_SOURCE,
        "citation": SAMPLE_CITATION,
        "dimensions": [("region", _t("الجهة", "Région", "Region"))],
        "rows": _declaration_rows(),
    },
    # ------------------------------------------------------------------ SAMPLE: integrity training
    {
        "slug": "sample-integrity-training-by-sex",
        "institution": "MTNRA",
        "source_kind": "national",
        "periodicity": "annual",
        "licence": "cc-by-4.0",
        "decimals": 1,
        "scale": ("0", "100"),
        "higher_is_better": True,
        "source_url": "",
        "is_sample": True,
        "themes": ["ethics", "awareness"],
        "title": _t(
            "نسبة الموظفين العموميين المستفيدين من تكوين في النزاهة، حسب الجنس (معطيات نموذجية)",
            "Part des agents publics formés à l'intégrité, par sexe (données d'exemple)",
            "Share of public servants trained in integrity, by sex (sample data)",
        ),
        "intro": _t(
            "معطيات نموذجية مختلقة: تبين كيف تعرض البوابة نسبة مستقاة من استطلاع بالعينة، موزعة حسب الجنس، مع مجال الثقة 95% لكل قيمة.",
            "Données d'exemple inventées : elles montrent comment le portail présente une part tirée d'une enquête par sondage, répartie par sexe, avec l'intervalle de confiance à 95 % de chaque valeur.",
            "Invented sample data: they show how the portal presents a share taken from a sample survey, broken down by sex, with the 95% confidence interval of each value.",
        ),
        "definition": _t(
            "<p>في سلسلة حقيقية، تكون هذه نسبة الموظفين العموميين الذين يصرحون بأنهم تابعوا دورة تكوينية واحدة على الأقل في النزاهة أو أخلاقيات المهنة أو الوقاية من الرشوة خلال السنوات الثلاث السابقة. وكلما ارتفعت النسبة كان ذلك أفضل.</p>"
            "<p>القيم المعروضة هنا <strong>مختلقة</strong> ولا تصف أي واقع.</p>",
            "<p>Dans une série réelle, ce serait la part des agents publics qui déclarent avoir suivi au moins une formation à l'intégrité, à la déontologie ou à la prévention de la corruption au cours des trois années précédentes. Plus la part est élevée, mieux c'est.</p>"
            "<p>Les valeurs présentées ici sont <strong>inventées</strong> et ne décrivent aucune réalité.</p>",
            "<p>In a real series, this would be the share of public servants who say they took at least one training course on integrity, professional ethics or corruption prevention in the three previous years. A higher share is better.</p>"
            "<p>The values shown here are <strong>invented</strong> and describe nothing real.</p>",
        ),
        "methodology": _t(
            "<p>معطيات نموذجية: القيم مختلقة لإبراز وظائف البوابة (التوزيع حسب الجنس، والمجموع، وعرض هامش عدم اليقين). وليست أرقاما صادرة عن أي إدارة ولا يجوز الاستشهاد بها.</p>"
            "<p>في استطلاع حقيقي بالعينة، يكون المجال [الحد الأدنى – الحد الأعلى] مجال الثقة 95%: أي المجال الذي يُرجَّح، بالنظر إلى حجم العينة، أن يضم القيمة الحقيقية. ويكون مجال المجموع أضيق من مجالي النساء والرجال لأنه يستند إلى عينة أكبر.</p>",
            "<p>Données d'exemple : les valeurs sont inventées pour montrer les fonctions du portail (répartition par sexe, total, affichage de l'incertitude). Ce ne sont les chiffres d'aucune administration ; ne les citez pas.</p>"
            "<p>Dans une vraie enquête par sondage, l'intervalle [borne inférieure – borne supérieure] est l'intervalle de confiance à 95 % : la fourchette qui, compte tenu de la taille de l'échantillon, contient vraisemblablement la vraie valeur. L'intervalle du total est plus étroit que ceux des femmes et des hommes, car il repose sur un échantillon plus grand.</p>",
            "<p>Sample data: the values are invented to show the portal's features (breakdown by sex, total, display of uncertainty). They are not figures of any administration and must not be quoted.</p>"
            "<p>In a real sample survey, the interval [lower – upper] is the 95% confidence interval: the range that, given the size of the sample, is likely to contain the true value. The interval of the total is narrower than those of women and men because it rests on a larger sample.</p>",
        ),
        "unit": _t("% من الموظفين العموميين", "% des agents publics", "% of public servants"),
        "source_name": SAMPLE_SOURCE,
        "citation": SAMPLE_CITATION,
        "dimensions": [("sex", _t("الجنس", "Sexe", "Sex"))],
        "notes": [
            (
                "",
                False,
                _t(
                    "معطيات نموذجية مختلقة: لا يجوز الاستشهاد بها.",
                    "Données d'exemple inventées : à ne pas citer.",
                    "Invented sample data: not to be quoted.",
                ),
            ),
        ],
        "rows": _training_rows(),
    },
]
