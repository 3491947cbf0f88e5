from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from portal.core import views as core_views
from portal.core.sitemap import sitemap
from portal.library.oai import oai_endpoint
from portal.search.views import search_view
from portal.statistics import views as statistics_views
from portal.users import urls as two_factor_urls

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path(".well-known/security.txt", core_views.security_txt, name="security_txt"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("admin/2fa/", include(two_factor_urls)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("oai/", oai_endpoint, name="oai"),
    path("api/v1/", include("portal.api.urls")),
]

if settings.DEBUG or settings.SERVE_MEDIA:
    from django.views.static import serve

    # Images only: documents are served through /documents/, which checks their privacy.
    urlpatterns.append(
        re_path(
            r"^media/(?P<path>(?:images|original_images)/.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    )

urlpatterns += i18n_patterns(
    path("search/", search_view, name="search"),
    re_path(statistics_views.DOWNLOAD_PATH, statistics_views.download, name="indicator_data"),
    path("complaints/", include("portal.complaints.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler400 = "portal.core.views.bad_request"
handler404 = "portal.core.views.page_not_found"
handler500 = "portal.core.views.server_error"
