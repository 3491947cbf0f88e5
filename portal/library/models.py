from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable
from wagtail.search import index

from portal.core.models import PermanentIdMixin, PortalPage, TermKind
from portal.institutions.models import InstitutionFolderPage

from .forms import PublicationForm
from .panels import ExtractionStatusPanel


def _restricted(collection):
    return collection.get_view_restrictions().exists()


class PublicationType(models.TextChoices):
    LAW = "law", _("Law")
    DECREE = "decree", _("Decree")
    CIRCULAR = "circular", _("Circular")
    LEGAL_OTHER = "legal_other", _("Other legal text")
    CONVENTION = "convention", _("International convention")
    REPORT = "report", _("Report")
    STUDY = "study", _("Study")
    GUIDE = "guide", _("Guide")
    MEMORANDUM = "memorandum", _("Memorandum")
    STRATEGY = "strategy", _("Strategy document")


LEGAL_TYPES = frozenset(
    {
        PublicationType.LAW,
        PublicationType.DECREE,
        PublicationType.CIRCULAR,
        PublicationType.LEGAL_OTHER,
        PublicationType.CONVENTION,
    }
)


class LegalStatus(models.TextChoices):
    IN_FORCE = "in_force", _("In force")
    AMENDED = "amended", _("Amended")
    REPEALED = "repealed", _("Repealed")


def language_choices():
    return [(code, name) for code, name in settings.LANGUAGES]


class PublicationIndexPage(RoutablePageMixin, PortalPage):
    """`/<lang>/publications/`: the library. Holds one folder per publishing institution, so that
    each institution's staff can work on its own publications only."""

    parent_page_types = ["core.HomePage"]
    subpage_types = ["library.PublicationFolderPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("library")

    @path("")
    def listing(self, request):
        from .views import library_listing

        return library_listing(request, self)

    @path("<int:page_id>/", name="permalink")
    def permalink(self, request, page_id):
        """The permanent address of a publication: the number of its original page, whatever
        its title, folder or language."""
        original = get_object_or_404(PublicationPage.objects.live().public(), pk=page_id)
        page = original.get_translation_or_none(self.locale) or original
        if not page.live:
            page = original
        return HttpResponseRedirect(page.get_url(request))

    def permalink_url(self, publication, request=None):
        return self.get_url(request) + self.reverse_subpage(
            "permalink", args=[publication.original_id]
        )


class PublicationFolderPage(InstitutionFolderPage):
    """The publications of one institution."""

    parent_page_types = ["library.PublicationIndexPage"]
    subpage_types = ["library.PublicationPage"]

    class Meta:
        verbose_name = _("publications of an institution")


class PublicationPage(PermanentIdMixin, RoutablePageMixin, PortalPage):
    """A publication of the library: a legal text, report, study, guide… with its files."""

    publication_type = models.CharField(
        _("type"), max_length=20, choices=PublicationType.choices, db_index=True
    )
    language = models.CharField(
        _("language of the title and summary"),
        max_length=5,
        choices=language_choices,
        default="ar",
        help_text=_("The language the title and summary are written in."),
    )
    summary = models.TextField(_("summary"), help_text=_("A factual abstract, a few sentences."))
    publication_date = models.DateField(_("date of publication"), db_index=True)
    authors = models.CharField(_("authors"), max_length=300, blank=True)
    institutions = ParentalManyToManyField(
        "institutions.InstitutionPage",
        verbose_name=_("publishing institutions"),
        related_name="publications",
        blank=True,
    )
    themes = ParentalManyToManyField(
        "core.Term",
        verbose_name=_("themes"),
        related_name="publications_by_theme",
        limit_choices_to={"kind": TermKind.THEME},
        blank=True,
    )
    sectors = ParentalManyToManyField(
        "core.Term",
        verbose_name=_("sectors"),
        related_name="publications_by_sector",
        limit_choices_to={"kind": TermKind.SECTOR},
        blank=True,
    )
    cover = models.ForeignKey(
        "images.PortalImage",
        verbose_name=_("cover"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    legal_number = models.CharField(_("number"), max_length=40, blank=True)
    adoption_date = models.DateField(_("date of adoption"), null=True, blank=True)
    bulletin = models.CharField(
        _("Official Bulletin reference"),
        max_length=200,
        blank=True,
        help_text=_("Number and date of the Official Bulletin that published the text."),
    )
    legal_status = models.CharField(
        _("status"), max_length=10, choices=LegalStatus.choices, blank=True
    )
    source = models.CharField(
        _("source"),
        max_length=300,
        help_text=_("Where the facts on this page come from."),
    )
    source_url = models.URLField(_("address of the source"), max_length=500, blank=True)

    search_fields = [
        *PortalPage.search_fields,
        index.SearchField("summary"),
        index.SearchField("legal_number"),
        index.FilterField("publication_type"),
    ]
    content_panels = [
        *PortalPage.content_panels,
        FieldRowPanel([FieldPanel("publication_type"), FieldPanel("language")]),
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("publication_date"), FieldPanel("authors")]),
        FieldPanel("institutions"),
        FieldRowPanel([FieldPanel("themes"), FieldPanel("sectors")]),
        FieldPanel("cover"),
        InlinePanel("files", label=_("Files"), min_num=1),
        ExtractionStatusPanel(heading=_("Text of the files")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("legal_number"), FieldPanel("adoption_date")]),
                FieldRowPanel([FieldPanel("bulletin"), FieldPanel("legal_status")]),
                InlinePanel("legal_relations", label=_("Amends or repeals")),
            ],
            heading=_("Legal text"),
            help_text=_("Only for laws, decrees, circulars, conventions and other legal texts."),
        ),
        FieldRowPanel([FieldPanel("source"), FieldPanel("source_url")]),
    ]
    parent_page_types = ["library.PublicationFolderPage"]
    subpage_types = []
    base_form_class = PublicationForm

    class Meta:
        verbose_name = _("publication")

    def clean(self):
        super().clean()
        if self.publication_type in LEGAL_TYPES and not self.legal_status:
            raise ValidationError({"legal_status": _("Give the status of a legal text.")})
        if self.publication_type not in LEGAL_TYPES and (
            self.legal_number or self.bulletin or self.legal_status or self.adoption_date
        ):
            raise ValidationError(
                {"publication_type": _("Only legal texts have a number, status or Bulletin.")}
            )

    @property
    def is_legal(self):
        return self.publication_type in LEGAL_TYPES

    @property
    def text_direction(self):
        return "rtl" if translation.get_language_info(self.language)["bidi"] else "ltr"

    @cached_property
    def ordered_files(self):
        return list(self.files.select_related("document__cover").all())

    @property
    def cover_image(self):
        """The cover chosen by the editor, or else the first page of the first file."""
        if self.cover_id:
            return self.cover
        return next((f.document.cover for f in self.ordered_files if f.document.cover_id), None)

    def search_document(self):
        """What the site search indexes: the metadata, and the summary and text of every file
        (the text the highlighted extracts come from)."""
        from portal.search.models import SearchEntry

        files = self.files.select_related("document__collection")
        # A document in a collection restricted to some visitors is not searched.
        text = [self.summary]
        text += [f.document.text for f in files if not _restricted(f.document.collection)]
        metadata = [self.authors, self.legal_number, self.bulletin]
        metadata += [f"{i.title} {i.acronym}" for i in self.institutions.all()]
        metadata += [term.name for term in (*self.themes.all(), *self.sectors.all())]
        text = "\n\n".join(part for part in text if part)
        metadata = " ".join(part for part in metadata if part)
        return SearchEntry.Kind.PUBLICATION, self.publication_type, self.title, metadata, text

    @path("")
    def detail(self, request):
        return self.serve_detail(request)

    @path("cite/bibtex/", name="bibtex")
    def bibtex(self, request):
        from .citations import bibtex

        return self._citation(request, bibtex, "application/x-bibtex", "bib")

    @path("cite/ris/", name="ris")
    def ris(self, request):
        from .citations import ris

        return self._citation(request, ris, "application/x-research-info-systems", "ris")

    @property
    def library(self):
        """The library this publication is in."""
        return PublicationIndexPage.objects.ancestor_of(self).first()

    def _citation(self, request, render, content_type, extension):
        permalink = request.build_absolute_uri(self.library.permalink_url(self, request))
        text = render(self, permalink, list(self.institutions.all()))
        response = HttpResponse(text, content_type=f"{content_type}; charset=utf-8")
        response["Content-Disposition"] = content_disposition_header(
            True, f"{self.slug}.{extension}"
        )
        return response

    def serve_detail(self, request):
        from .views import publication_detail

        return publication_detail(request, self)


class PublicationFile(Orderable):
    """One file of a publication, in one language."""

    page = ParentalKey(PublicationPage, on_delete=models.CASCADE, related_name="files")
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("document"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    language = models.CharField(
        _("language"), max_length=5, choices=language_choices, default="ar", db_index=True
    )

    panels = [FieldPanel("document"), FieldPanel("language")]

    class Meta(Orderable.Meta):
        verbose_name = _("file")


class LegalRelation(Orderable):
    """This legal text amends or repeals another one (the amendment timeline)."""

    class Kind(models.TextChoices):
        AMENDS = "amends", _("Amends")
        REPEALS = "repeals", _("Repeals")

    page = ParentalKey(PublicationPage, on_delete=models.CASCADE, related_name="legal_relations")
    kind = models.CharField(_("relation"), max_length=10, choices=Kind.choices)
    target = models.ForeignKey(
        PublicationPage,
        verbose_name=_("text"),
        on_delete=models.CASCADE,
        related_name="incoming_legal_relations",
        limit_choices_to={"publication_type__in": sorted(LEGAL_TYPES)},
    )

    panels = [FieldPanel("kind"), FieldPanel("target")]

    class Meta(Orderable.Meta):
        verbose_name = _("amendment or repeal")


class PublicationTombstone(models.Model):
    """A publication that was withdrawn (unpublished or deleted): harvesters are told it is gone
    (OAI-PMH deleted records). Removed if the publication comes back."""

    original_id = models.PositiveIntegerField(unique=True)
    withdrawn_at = models.DateTimeField(db_index=True)
    publication_type = models.CharField(max_length=20)
    themes = models.CharField(max_length=400, blank=True, help_text="Theme slugs, space-separated.")

    class Meta:
        verbose_name = _("withdrawn publication")

    def __str__(self):
        return f"publication/{self.original_id}"
