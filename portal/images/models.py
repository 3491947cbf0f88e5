from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class PortalImage(AbstractImage):
    """An image whose description, Wagtail's text alternative, is required, so no page can show
    an undescribed image."""

    description = models.CharField(
        _("text alternative"),
        max_length=255,
        help_text=_("Describe the image for people who cannot see it."),
    )

    admin_form_fields = Image.admin_form_fields


class PortalRendition(AbstractRendition):
    image = models.ForeignKey(PortalImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
