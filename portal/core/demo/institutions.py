"""The authority and its partner institutions (real Moroccan bodies). Names are the institutions'
official names; each intro states a public fact about the body with its legal basis as source.
Logos are not copied: the portal draws a monogram until an institution supplies its own."""

INSTITUTIONS = [
    {
        "slug": "inpplc",
        "acronym": "INPPLC",
        "kind": "authority",
        "website": "https://www.inpplc.ma",
        "ar": (
            "الهيئة الوطنية للنزاهة والوقاية من الرشوة ومحاربتها",
            "هيئة دستورية مستقلة مكلفة بالمبادرة والتنسيق والإشراف على سياسات الوقاية من الرشوة ومحاربتها، وتتلقى الشكايات والتبليغات.",
        ),
        "fr": (
            "Instance Nationale de la Probité, de la Prévention et de la Lutte contre la Corruption",
            "Instance constitutionnelle indépendante chargée d'initier, de coordonner et de superviser les politiques de prévention et de lutte contre la corruption ; elle reçoit plaintes et dénonciations.",
        ),
        "en": (
            "National Authority for Probity, Prevention and Fight against Corruption",
            "Independent constitutional body that initiates, coordinates and oversees anti-corruption policies and receives complaints and denunciations.",
        ),
        "source": "Constitution 2011, art. 36 and 167; law 46-19 (inpplc.ma)",
    },
    {
        "slug": "cspj",
        "acronym": "CSPJ",
        "kind": "judiciary",
        "website": "https://www.cspj.ma",
        "ar": (
            "المجلس الأعلى للسلطة القضائية",
            "يسهر على تطبيق الضمانات الممنوحة للقضاة ولا سيما استقلالهم وتعيينهم وترقيتهم وتأديبهم.",
        ),
        "fr": (
            "Conseil Supérieur du Pouvoir Judiciaire",
            "Veille à l'application des garanties accordées aux magistrats, notamment leur indépendance, nomination, avancement et discipline.",
        ),
        "en": (
            "Supreme Council of the Judicial Power",
            "Ensures the guarantees granted to judges, in particular their independence, appointment, promotion and discipline.",
        ),
        "source": "Constitution 2011, art. 113; organic law 100-13",
    },
    {
        "slug": "pmp",
        "acronym": "PMP",
        "kind": "prosecution",
        "website": "https://www.pmp.ma",
        "ar": (
            "رئاسة النيابة العامة",
            "تشرف على عمل النيابة العامة وتتلقى التبليغات عن الرشوة عبر الخط المباشر 0537718888.",
        ),
        "fr": (
            "Présidence du Ministère Public",
            "Dirige l'action du ministère public ; elle reçoit les signalements de corruption sur la ligne directe 0537 71 88 88.",
        ),
        "en": (
            "Presidency of the Public Prosecution",
            "Heads the public prosecution service and receives reports of bribery on the hotline 0537 71 88 88.",
        ),
        "source": "Law 33-17; anti-bribery line figures: press, 2021",
    },
    {
        "slug": "chambre-des-representants",
        "acronym": "CDR",
        "kind": "parliament",
        "website": "https://www.chambredesrepresentants.ma",
        "ar": (
            "مجلس النواب",
            "الغرفة الأولى للبرلمان، تصوت على القوانين وتراقب عمل الحكومة وتقيّم السياسات العمومية.",
        ),
        "fr": (
            "Chambre des Représentants",
            "Première chambre du Parlement : vote la loi, contrôle l'action du gouvernement et évalue les politiques publiques.",
        ),
        "en": (
            "House of Representatives",
            "First chamber of Parliament: passes laws, scrutinises the government and evaluates public policies.",
        ),
        "source": "Constitution 2011, art. 60 and 70",
    },
    {
        "slug": "chambre-des-conseillers",
        "acronym": "CDC",
        "kind": "parliament",
        "website": "https://www.chambredesconseillers.ma",
        "ar": (
            "مجلس المستشارين",
            "الغرفة الثانية للبرلمان، تمثل الجماعات الترابية والهيئات المهنية والمأجورين.",
        ),
        "fr": (
            "Chambre des Conseillers",
            "Seconde chambre du Parlement, qui représente les collectivités territoriales, les chambres professionnelles et les salariés.",
        ),
        "en": (
            "House of Councillors",
            "Second chamber of Parliament, representing local authorities, professional chambers and employees.",
        ),
        "source": "Constitution 2011, art. 63",
    },
    {
        "slug": "cour-des-comptes",
        "acronym": "CC",
        "kind": "audit",
        "website": "https://www.courdescomptes.ma",
        "ar": (
            "المجلس الأعلى للحسابات",
            "الهيئة العليا لمراقبة المالية العمومية، يتلقى ويراقب التصريحات بالممتلكات.",
        ),
        "fr": (
            "Cour des comptes",
            "Institution supérieure de contrôle des finances publiques ; elle reçoit et contrôle les déclarations de patrimoine.",
        ),
        "en": (
            "Court of Accounts",
            "Supreme audit institution for public finances; it receives and checks asset declarations.",
        ),
        "source": "Constitution 2011, art. 147; law 62-99 (code des juridictions financières)",
    },
    {
        "slug": "igf",
        "acronym": "IGF",
        "kind": "audit",
        "website": "https://www.finances.gov.ma",
        "ar": (
            "المفتشية العامة للمالية",
            "جهاز للتفتيش والتدقيق يراقب تدبير المصالح والمؤسسات العمومية لحساب وزارة الاقتصاد والمالية.",
        ),
        "fr": (
            "Inspection Générale des Finances",
            "Corps d'inspection et d'audit qui contrôle la gestion des services et établissements publics pour le ministère de l'Économie et des Finances.",
        ),
        "en": (
            "General Inspectorate of Finance",
            "Inspection and audit body that reviews the management of public services and bodies for the Ministry of Economy and Finance.",
        ),
        "source": "Dahir 1-59-269 of 14 April 1960",
    },
    {
        "slug": "igat",
        "acronym": "IGAT",
        "kind": "audit",
        "website": "",
        "ar": (
            "المفتشية العامة للإدارة الترابية",
            "تراقب وتدقق تدبير الجماعات الترابية والمصالح التابعة لوزارة الداخلية.",
        ),
        "fr": (
            "Inspection Générale de l'Administration Territoriale",
            "Contrôle et audite la gestion des collectivités territoriales et des services du ministère de l'Intérieur.",
        ),
        "en": (
            "General Inspectorate of Territorial Administration",
            "Inspects and audits the management of local authorities and of Ministry of the Interior services.",
        ),
        "source": "Decree 2-94-100 of 16 June 1994",
    },
    {
        "slug": "gendarmerie-royale",
        "acronym": "GR",
        "kind": "security",
        "website": "",
        "ar": (
            "الدرك الملكي",
            "قوة عسكرية تمارس مهام الشرطة القضائية والأمن العمومي، خاصة في الوسط القروي وعلى الطرق.",
        ),
        "fr": (
            "Gendarmerie Royale",
            "Force militaire exerçant des missions de police judiciaire et de sécurité publique, notamment en milieu rural et sur les routes.",
        ),
        "en": (
            "Royal Gendarmerie",
            "Military force with judicial police and public safety duties, mainly in rural areas and on the roads.",
        ),
        "source": "Dahir 1-57-280 of 14 January 1958",
    },
    {
        "slug": "dgsn",
        "acronym": "DGSN",
        "kind": "security",
        "website": "https://www.dgsn.gov.ma",
        "ar": (
            "المديرية العامة للأمن الوطني",
            "تتولى حفظ الأمن العمومي ومهام الشرطة القضائية في المجال الحضري.",
        ),
        "fr": (
            "Direction Générale de la Sûreté Nationale",
            "Assure la sécurité publique et les missions de police judiciaire en milieu urbain.",
        ),
        "en": (
            "General Directorate of National Security",
            "Responsible for public security and judicial police work in urban areas.",
        ),
        "source": "Dahir 1-56-115 of 16 May 1956",
    },
    {
        "slug": "adii",
        "acronym": "ADII",
        "kind": "security",
        "website": "https://www.douane.gov.ma",
        "ar": (
            "إدارة الجمارك والضرائب غير المباشرة",
            "تحصل الرسوم الجمركية والضرائب غير المباشرة وتراقب المبادلات عبر الحدود.",
        ),
        "fr": (
            "Administration des Douanes et Impôts Indirects",
            "Perçoit les droits de douane et impôts indirects et contrôle les échanges aux frontières.",
        ),
        "en": (
            "Customs and Indirect Taxes Administration",
            "Collects customs duties and indirect taxes and controls cross-border trade.",
        ),
        "source": "Code des douanes et impôts indirects (dahir 1-77-339 of 9 October 1977)",
    },
    {
        "slug": "mtnra",
        "acronym": "MTNRA",
        "kind": "government",
        "website": "",
        "ar": (
            "وزارة الانتقال الرقمي وإصلاح الإدارة",
            "تشرف على إصلاح الإدارة والبوابة الوطنية للشكايات chikaya.ma.",
        ),
        "fr": (
            "Ministère de la Transition Numérique et de la Réforme de l'Administration",
            "Pilote la réforme de l'administration et le portail national des réclamations chikaya.ma.",
        ),
        "en": (
            "Ministry of Digital Transition and Administrative Reform",
            "Leads administrative reform and the national complaints portal chikaya.ma.",
        ),
        "source": "Decree 2-17-265 of 23 June 2017 (chikaya.ma)",
    },
    {
        "slug": "arm",
        "acronym": "ARM",
        "kind": "regional",
        "website": "",
        "ar": ("جمعية جهات المغرب", "تجمع مجالس جهات المملكة الاثنتي عشرة لتنسيق عملها وتمثيلها."),
        "fr": (
            "Association des Régions du Maroc",
            "Réunit les conseils des douze régions du Royaume pour coordonner et représenter leur action.",
        ),
        "en": (
            "Association of Moroccan Regions",
            "Brings together the councils of the Kingdom's twelve regions to coordinate and represent their work.",
        ),
        "source": "Organic law 111-14 on the regions",
    },
    {
        "slug": "mediateur",
        "acronym": "MDR",
        "kind": "national",
        "website": "https://www.mediateur.ma",
        "ar": (
            "مؤسسة وسيط المملكة",
            "تتلقى تظلمات المرتفقين من الإدارة وتسهر على احترام القانون والإنصاف.",
        ),
        "fr": (
            "Institution du Médiateur du Royaume",
            "Reçoit les doléances des usagers envers l'administration et veille au respect de la loi et de l'équité.",
        ),
        "en": (
            "Ombudsman of the Kingdom (Médiateur du Royaume)",
            "Receives grievances of users against the administration and upholds the rule of law and fairness.",
        ),
        "source": "Constitution 2011, art. 162; law 14-16",
    },
    {
        "slug": "cndh",
        "acronym": "CNDH",
        "kind": "national",
        "website": "https://www.cndh.ma",
        "ar": (
            "المجلس الوطني لحقوق الإنسان",
            "مؤسسة وطنية مستقلة تعنى بحماية حقوق الإنسان والنهوض بها.",
        ),
        "fr": (
            "Conseil National des Droits de l'Homme",
            "Institution nationale indépendante chargée de la protection et de la promotion des droits de l'Homme.",
        ),
        "en": (
            "National Human Rights Council",
            "Independent national institution that protects and promotes human rights.",
        ),
        "source": "Constitution 2011, art. 161; law 76-15",
    },
    {
        "slug": "cdai",
        "acronym": "CDAI",
        "kind": "national",
        "website": "",
        "ar": (
            "لجنة الحق في الحصول على المعلومات",
            "تسهر على ضمان حسن ممارسة الحق في الحصول على المعلومات وتنظر في الشكايات المتعلقة به.",
        ),
        "fr": (
            "Commission du Droit d'Accès à l'Information",
            "Veille au bon exercice du droit d'accès à l'information et examine les plaintes en la matière.",
        ),
        "en": (
            "Commission for the Right of Access to Information",
            "Ensures the right of access to information is respected and hears complaints about it.",
        ),
        "source": "Law 31-13, art. 22; installed on 13 March 2019 (press, 2019)",
    },
    {
        "slug": "cndp",
        "acronym": "CNDP",
        "kind": "national",
        "website": "https://www.cndp.ma",
        "ar": (
            "اللجنة الوطنية لمراقبة حماية المعطيات ذات الطابع الشخصي",
            "تراقب احترام حماية المعطيات الشخصية وتمنح الأذون والتصاريح المسبقة للمعالجات.",
        ),
        "fr": (
            "Commission Nationale de contrôle de la protection des Données à caractère Personnel",
            "Contrôle la protection des données personnelles et délivre les autorisations préalables des traitements.",
        ),
        "en": (
            "National Commission for the Control of Personal Data Protection",
            "Oversees personal data protection and grants prior authorisations for processing.",
        ),
        "source": "Law 09-08; decree 2-09-165",
    },
    {
        "slug": "transparency-maroc",
        "acronym": "TM",
        "kind": "civil_society",
        "website": "https://transparencymaroc.ma",
        "ar": (
            "ترانسبرانسي المغرب",
            "جمعية مدنية تعمل منذ 1996 على محاربة الرشوة والدفاع عن الشفافية.",
        ),
        "fr": (
            "Transparency Maroc",
            "Association de la société civile qui lutte contre la corruption et défend la transparence depuis 1996.",
        ),
        "en": (
            "Transparency Maroc",
            "Civil society association working against corruption and for transparency since 1996.",
        ),
        "source": "Transparency Maroc, founded 1996 (transparencymaroc.ma)",
    },
    {
        "slug": "cnp",
        "acronym": "CNP",
        "kind": "media",
        "website": "",
        "ar": (
            "المجلس الوطني للصحافة",
            "هيئة للتنظيم الذاتي لمهنة الصحافة تسهر على أخلاقيات المهنة وتمنح بطاقة الصحافة.",
        ),
        "fr": (
            "Conseil National de la Presse",
            "Instance d'autorégulation de la profession qui veille à la déontologie et délivre la carte de presse.",
        ),
        "en": (
            "National Press Council",
            "Self-regulatory body of the press that upholds professional ethics and issues press cards.",
        ),
        "source": "Law 90-13",
    },
    {
        "slug": "cgem",
        "acronym": "CGEM",
        "kind": "union",
        "website": "https://www.cgem.ma",
        "ar": (
            "الاتحاد العام لمقاولات المغرب",
            "يمثل المقاولات المغربية لدى السلطات العمومية والشركاء الاجتماعيين.",
        ),
        "fr": (
            "Confédération Générale des Entreprises du Maroc",
            "Représente les entreprises marocaines auprès des pouvoirs publics et des partenaires sociaux.",
        ),
        "en": (
            "General Confederation of Moroccan Enterprises",
            "Represents Moroccan businesses before public authorities and social partners.",
        ),
        "source": "CGEM, founded 1947 (cgem.ma)",
    },
    {
        "slug": "umt",
        "acronym": "UMT",
        "kind": "union",
        "website": "",
        "ar": (
            "الاتحاد المغربي للشغل",
            "أقدم مركزية نقابية في المغرب، تمثل الأجراء في الحوار الاجتماعي.",
        ),
        "fr": (
            "Union Marocaine du Travail",
            "Plus ancienne centrale syndicale du Maroc, elle représente les salariés dans le dialogue social.",
        ),
        "en": (
            "Moroccan Labour Union",
            "Morocco's oldest trade union confederation, representing employees in social dialogue.",
        ),
        "source": "UMT, founded 20 March 1955",
    },
    {
        "slug": "unodc",
        "acronym": "UNODC",
        "kind": "international",
        "website": "https://www.unodc.org",
        "ar": (
            "مكتب الأمم المتحدة المعني بالمخدرات والجريمة",
            "أمانة اتفاقية الأمم المتحدة لمكافحة الفساد وآلية استعراض تنفيذها.",
        ),
        "fr": (
            "Office des Nations Unies contre la drogue et le crime",
            "Secrétariat de la Convention des Nations Unies contre la corruption et de son mécanisme d'examen.",
        ),
        "en": (
            "United Nations Office on Drugs and Crime",
            "Secretariat of the United Nations Convention against Corruption and its review mechanism.",
        ),
        "source": "UNCAC, art. 64 (unodc.org)",
    },
]
