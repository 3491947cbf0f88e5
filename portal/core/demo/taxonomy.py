"""The portal's taxonomy: themes follow the programmes of the National Anti-Corruption Strategy
2015-2025 and the subjects of the legal library (../shared/reference/facts.md); sectors are the
fields of public action where the authority's studies look at corruption risks. Each entry:
slug, then the name in Arabic, French and English."""

THEMES = [
    ("prevention", "الوقاية من الرشوة", "Prévention de la corruption", "Corruption prevention"),
    (
        "transparency",
        "الشفافية والحق في الحصول على المعلومات",
        "Transparence et accès à l'information",
        "Transparency and access to information",
    ),
    (
        "accountability",
        "المراقبة والمساءلة",
        "Contrôle et reddition des comptes",
        "Oversight and accountability",
    ),
    ("conflicts-of-interest", "تضارب المصالح", "Conflits d'intérêts", "Conflicts of interest"),
    ("ethics", "الأخلاقيات والتخليق", "Éthique et déontologie", "Ethics and integrity"),
    ("public-procurement", "الصفقات العمومية", "Marchés publics", "Public procurement"),
    ("asset-declaration", "التصريح بالممتلكات", "Déclaration de patrimoine", "Asset declaration"),
    (
        "whistleblower-protection",
        "حماية المبلغين",
        "Protection des lanceurs d'alerte",
        "Whistleblower protection",
    ),
    (
        "personal-data",
        "حماية المعطيات الشخصية",
        "Protection des données personnelles",
        "Personal data protection",
    ),
    (
        "international-cooperation",
        "التعاون الدولي",
        "Coopération internationale",
        "International cooperation",
    ),
    ("awareness", "التحسيس والتربية", "Sensibilisation et éducation", "Awareness and education"),
]

SECTORS = [
    ("health", "الصحة", "Santé", "Health"),
    ("education", "التعليم", "Éducation", "Education"),
    ("justice", "العدل", "Justice", "Justice"),
    ("local-government", "الجماعات الترابية", "Collectivités territoriales", "Local government"),
    ("security", "الأمن", "Sécurité", "Security"),
    ("customs", "الجمارك", "Douanes", "Customs"),
    ("procurement", "الطلبيات العمومية", "Commande publique", "Procurement"),
    ("finance", "المالية العمومية", "Finances publiques", "Public finance"),
    ("business", "عالم الأعمال", "Monde des affaires", "Business"),
    (
        "public-administration",
        "الإدارة العمومية",
        "Administration publique",
        "Public administration",
    ),
    ("parliament", "البرلمان", "Parlement", "Parliament"),
    ("civil-society", "المجتمع المدني", "Société civile", "Civil society"),
]
