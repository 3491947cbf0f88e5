"""The clear (triage) metadata of a claim: what routes it and what public statistics count."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    # Law 46-19, art. 21: a victim files a complaint; anyone with reliable information files a
    # denunciation; information is a report that asks for no action of its own.
    COMPLAINT = "complaint", _("Complaint")
    DENUNCIATION = "denunciation", _("Denunciation")
    INFORMATION = "information", _("Information")


class Offence(models.TextChoices):
    BRIBERY = "bribery", _("Bribery")
    EMBEZZLEMENT = "embezzlement", _("Embezzlement of public funds")
    INFLUENCE = "influence", _("Trading in influence")
    ABUSE = "abuse", _("Abuse of functions")
    ENRICHMENT = "enrichment", _("Illicit enrichment")
    CONFLICT = "conflict", _("Conflict of interest")
    PROCUREMENT = "procurement", _("Procurement fraud")
    OTHER = "other", _("Other")


class Region(models.TextChoices):
    # The 12 regions of Morocco (decree 2-15-40 of 20 February 2015).
    TANGER = "tanger-tetouan-al-hoceima", _("Tanger-Tétouan-Al Hoceïma")
    ORIENTAL = "oriental", _("Oriental")
    FES = "fes-meknes", _("Fès-Meknès")
    RABAT = "rabat-sale-kenitra", _("Rabat-Salé-Kénitra")
    BENI_MELLAL = "beni-mellal-khenifra", _("Béni Mellal-Khénifra")
    CASABLANCA = "casablanca-settat", _("Casablanca-Settat")
    MARRAKECH = "marrakech-safi", _("Marrakech-Safi")
    DRAA = "draa-tafilalet", _("Drâa-Tafilalet")
    SOUSS = "souss-massa", _("Souss-Massa")
    GUELMIM = "guelmim-oued-noun", _("Guelmim-Oued Noun")
    LAAYOUNE = "laayoune-sakia-el-hamra", _("Laâyoune-Sakia El Hamra")
    DAKHLA = "dakhla-oued-ed-dahab", _("Dakhla-Oued Ed-Dahab")
    ABROAD = "abroad", _("Abroad")


class Identity(models.TextChoices):
    ANONYMOUS = "anonymous", _("Anonymous")
    CONFIDENTIAL = "confidential", _("Confidential")
    NAMED = "named", _("Named")


class Channel(models.TextChoices):
    ONLINE = "online", _("This portal")
    IN_PERSON = "in_person", _("In person")
    POST = "post", _("Post")
    EMAIL = "email", _("E-mail")
    ORAL = "oral", _("Oral statement")


class Status(models.TextChoices):
    RECEIVED = "received", _("Received")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged")
    EXAMINATION = "examination", _("Under examination")
    INFORMATION_REQUESTED = "information_requested", _("More information requested")
    REFERRED = "referred", _("Referred to a competent institution")
    CLOSED_FOUNDED = "closed_founded", _("Closed: founded")
    CLOSED_UNFOUNDED = "closed_unfounded", _("Closed: unfounded")
    CLOSED_INADMISSIBLE = "closed_inadmissible", _("Closed: inadmissible")


CLOSED = frozenset({Status.CLOSED_FOUNDED, Status.CLOSED_UNFOUNDED, Status.CLOSED_INADMISSIBLE})

# The moves a handler may make from each status (closing is possible from any open status).
TRANSITIONS = {
    Status.RECEIVED: {
        Status.ACKNOWLEDGED,
        Status.EXAMINATION,
        Status.INFORMATION_REQUESTED,
        Status.REFERRED,
        *CLOSED,
    },
    Status.ACKNOWLEDGED: {
        Status.EXAMINATION,
        Status.INFORMATION_REQUESTED,
        Status.REFERRED,
        *CLOSED,
    },
    Status.EXAMINATION: {Status.INFORMATION_REQUESTED, Status.REFERRED, *CLOSED},
    Status.INFORMATION_REQUESTED: {Status.EXAMINATION, Status.REFERRED, *CLOSED},
    Status.REFERRED: {Status.EXAMINATION, Status.INFORMATION_REQUESTED, *CLOSED},
}
for _closed in CLOSED:
    TRANSITIONS[_closed] = {Status.EXAMINATION}  # reopened, e.g. on new evidence
