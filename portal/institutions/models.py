from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.shortcuts import redirect
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Collection, Page
from wagtail.search import index

from portal.core.models import PortalPage


class InstitutionKind(models.TextChoices):
    AUTHORITY = "authority", _("Anti-corruption authority")
    GOVERNMENT = "government", _("Government department")
    JUDICIARY = "judiciary", _("Judiciary")
    PROSECUTION = "prosecution", _("Public prosecution")
    PARLIAMENT = "parliament", _("Parliament")
    AUDIT = "audit", _("Audit and inspection body")
    SECURITY = "security", _("Police, gendarmerie and customs")
    REGIONAL = "regional", _("Regional and local government")
    NATIONAL = "national", _("National institution")
    CIVIL_SOCIETY = "civil_society", _("Civil society")
    MEDIA = "media", _("Media")
    UNION = "union", _("Trade unions and employers")
    INTERNATIONAL = "international", _("International body")


class PartnersIndexPage(PortalPage):
    """`/<lang>/partners/`: the authority and the institutions that contribute to the portal."""

    per_page = 24

    parent_page_types = ["core.HomePage"]
    subpage_types = ["institutions.InstitutionPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("partners index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        institutions = (
            InstitutionPage.objects.child_of(self)
            .live()
            .public()
            .select_related("logo")
            .prefetch_related("logo__renditions")
            .order_by("title")
        )
        kind = request.GET.get("kind", "")
        if kind in InstitutionKind.values:
            institutions = institutions.filter(kind=kind)
        else:
            kind = ""
        counts = dict(
            InstitutionPage.objects.child_of(self)
            .live()
            .public()
            .values_list("kind")
            .annotate(n=models.Count("pk"))
            .order_by()
        )
        page_obj = Paginator(institutions, self.per_page).get_page(request.GET.get("page"))
        context.update(
            institutions=page_obj.object_list,
            page_obj=page_obj,
            kind=kind,
            kinds=[
                (value, label, counts[value])
                for value, label in InstitutionKind.choices
                if value in counts
            ],
            querystring_base=f"kind={kind}&" if kind else "",
        )
        return context


class InstitutionPage(PortalPage):
    """A partner institution's profile. Its name is the page title, translated per language."""

    acronym = models.CharField(_("acronym"), max_length=20)
    kind = models.CharField(_("type"), max_length=20, choices=InstitutionKind.choices)
    website = models.URLField(_("website"), blank=True)
    description = RichTextField(
        _("description"), blank=True, features=["bold", "italic", "link", "ul", "ol"]
    )
    description_source = models.CharField(
        _("source of the description"),
        max_length=300,
        blank=True,
        help_text=_("Where the facts in the description come from."),
    )
    logo = models.ForeignKey(
        "images.PortalImage",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Only a logo the institution has authorised. Without one, a drawn monogram is shown."
        ),
    )

    search_fields = [
        *PortalPage.search_fields,
        index.SearchField("acronym", boost=2),
        index.SearchField("description"),
        index.FilterField("kind"),
    ]
    content_panels = [
        *PortalPage.content_panels,
        # Partners' staff see them but cannot change them: the acronym names the institution's
        # groups and collection, and the type is shown as its official status.
        FieldPanel("acronym", permission="institutions.change_institution_identity"),
        FieldPanel("kind", permission="institutions.change_institution_identity"),
        FieldPanel("website"),
        FieldPanel("description"),
        FieldPanel("description_source"),
        FieldPanel("logo"),
    ]
    parent_page_types = ["institutions.PartnersIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("institution")
        permissions = [
            ("change_institution_identity", _("Can change an institution's acronym and type"))
        ]

    def clean(self):
        super().clean()
        duplicate = (
            InstitutionPage.objects.filter(acronym__iexact=self.acronym)
            .exclude(translation_key=self.translation_key)
            .exists()
        )
        if duplicate:
            raise ValidationError({"acronym": _("Another institution already uses this acronym.")})

    def search_document(self):
        from portal.search.models import SearchEntry

        text = " ".join([self.intro, strip_tags(self.description)])
        return SearchEntry.Kind.INSTITUTION, "", self.title, self.acronym, text

    @property
    def monogram(self):
        """The acronym (up to six letters) drawn in the placeholder logo."""
        letters = [ch for ch in self.acronym if ch.isalnum()]
        return "".join(letters[:6]).upper()

    @property
    def monogram_font_size(self):
        return {1: 40, 2: 34, 3: 28, 4: 22, 5: 18}.get(len(self.monogram), 15)

    @property
    def monogram_hue(self):
        return sum(ord(ch) for ch in self.acronym) * 47 % 360


class InstitutionWorkspace(models.Model):
    """What an institution's staff work with in the admin: its two groups and its collection.
    One per institution (shared by the institution's pages in every language)."""

    translation_key = models.UUIDField(unique=True)
    editors = models.OneToOneField(Group, on_delete=models.PROTECT, related_name="+")
    moderators = models.OneToOneField(Group, on_delete=models.PROTECT, related_name="+")
    collection = models.OneToOneField(Collection, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("institution workspace")

    def __str__(self):
        return self.collection.name


class InstitutionFolderPage(Page):
    """Abstract base of the folder of one institution's pages in a section (the library, the
    statistics), where its staff work. Its address shows the section filtered on it. An
    institution deleted and created again finds its folder again
    (`services.institution_folder_ensure`)."""

    institution = models.ForeignKey(
        "institutions.InstitutionPage",
        verbose_name=_("institution"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [*Page.content_panels, FieldPanel("institution")]

    class Meta:
        abstract = True

    def serve(self, request, *args, **kwargs):
        return redirect(f"{self.get_parent().get_url(request)}?institution={self.slug}")
