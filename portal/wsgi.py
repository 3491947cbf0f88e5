import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

django_application = get_wsgi_application()

from portal.core.cache import cached_page_application  # noqa: E402  (needs Django set up)

application = cached_page_application(django_application)
