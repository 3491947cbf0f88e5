from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Term


class TermViewSet(SnippetViewSet):
    model = Term
    icon = "tag"
    menu_label = _("Taxonomy")
    add_to_settings_menu = True
    list_display = ["name", "kind", "slug", "locale"]
    list_filter = ["kind", "locale"]


register_snippet(TermViewSet)
