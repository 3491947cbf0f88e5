from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class KeyFigureBlock(blocks.StructBlock):
    """A number worth knowing, always with the source it comes from."""

    value = blocks.CharBlock(label=_("figure"), max_length=40)
    label = blocks.CharBlock(label=_("what it measures"), max_length=200)
    source = blocks.CharBlock(label=_("source"), max_length=200)
    source_url = blocks.URLBlock(label=_("source address"), required=False)

    class Meta:
        icon = "order"
        label = _("Key figure")
        template = "components/key_figure.html"


class SourcedParagraphBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), max_length=200, required=False)
    text = blocks.RichTextBlock(
        label=_("text"), features=["bold", "italic", "link", "ol", "ul", "h3"]
    )
    source = blocks.CharBlock(label=_("source"), max_length=300, required=False)
    source_url = blocks.URLBlock(label=_("source address"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Paragraph")
        template = "components/sourced_paragraph.html"


class HomeBodyBlock(blocks.StreamBlock):
    paragraph = SourcedParagraphBlock()
    key_figures = blocks.ListBlock(
        KeyFigureBlock(),
        label=_("Key figures"),
        icon="order",
        template="components/key_figures.html",
    )
