"""Creating an institution gives it its groups and collection; its editors work on it only."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission
from wagtail.test.utils.form_data import rich_text

from portal.core.testing import login_verified
from portal.institutions.models import InstitutionPage, InstitutionWorkspace

from .factories import InstitutionPageFactory

pytestmark = pytest.mark.django_db


def test_creating_an_institution_creates_its_groups_and_collection():
    page = InstitutionPageFactory(acronym="OBS")
    workspace = InstitutionWorkspace.objects.get(translation_key=page.translation_key)
    assert workspace.editors.name == "OBS — editors"
    assert workspace.moderators.name == "OBS — moderators"
    assert workspace.collection.name == "OBS"
    editor_perms = set(
        GroupPagePermission.objects.filter(group=workspace.editors, page=page).values_list(
            "permission__codename", flat=True
        )
    )
    assert editor_perms == {"add_page", "change_page"}
    moderator_perms = set(
        GroupPagePermission.objects.filter(group=workspace.moderators, page=page).values_list(
            "permission__codename", flat=True
        )
    )
    assert "publish_page" in moderator_perms
    assert GroupCollectionPermission.objects.filter(
        group=workspace.editors, collection=workspace.collection, permission__codename="add_image"
    ).exists()


def test_translations_share_the_workspace_and_demo_institutions_have_one():
    assert InstitutionWorkspace.objects.count() == 22
    fr = InstitutionPage.objects.get(slug="cndp", locale__language_code="fr")
    workspace = InstitutionWorkspace.objects.get(translation_key=fr.translation_key)
    assert GroupPagePermission.objects.filter(group=workspace.editors, page=fr).exists()
    zgh_alias = InstitutionPage.objects.get(slug="cndp", locale__language_code="zgh")
    assert zgh_alias.alias_of_id is not None
    assert GroupPagePermission.objects.filter(group=workspace.editors, page=zgh_alias).exists()
    # Translating is for the authority's staff: wagtail-localize checks no page ownership.
    assert not workspace.editors.permissions.filter(codename="submit_translation").exists()
    assert Collection.objects.filter(name="CNDP").count() == 1
    assert Group.objects.filter(name__startswith="CNDP").count() == 2


@pytest.fixture
def cndp_editor(django_user_model):
    user = django_user_model.objects.create_user("cndp-editor", password="x" * 16)
    page = InstitutionPage.objects.get(slug="cndp", locale__language_code="fr")
    user.groups.add(InstitutionWorkspace.objects.get(translation_key=page.translation_key).editors)
    return user


def edit_data(page, **changes):
    data = {
        "title": page.title,
        "slug": page.slug,
        "intro": page.intro,
        "acronym": page.acronym,
        "kind": page.kind,
        "website": page.website,
        "description": rich_text(""),
        "description_source": page.description_source,
        "seo_title": "",
        "search_description": "",
        "show_in_menus": "",
        "go_live_at": "",
        "expire_at": "",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return data


def test_partner_editor_edits_its_own_institution_only(client, cndp_editor):
    login_verified(client, cndp_editor)
    own = InstitutionPage.objects.get(slug="cndp", locale__language_code="fr")
    other = InstitutionPage.objects.get(slug="cndh", locale__language_code="fr")
    assert client.get(f"/admin/pages/{own.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{other.pk}/edit/").status_code in (302, 403)
    response = client.post(f"/admin/pages/{other.pk}/edit/", edit_data(other, title="Pirate"))
    assert response.status_code in (302, 403)
    assert (
        InstitutionPage.objects.get(pk=other.pk).get_latest_revision_as_object().title != "Pirate"
    )


def test_editor_saves_a_draft_but_cannot_publish(client, cndp_editor):
    login_verified(client, cndp_editor)
    page = InstitutionPage.objects.get(slug="cndp", locale__language_code="fr")
    client.post(
        f"/admin/pages/{page.pk}/edit/",
        edit_data(page, intro="Nouvelle présentation", **{"action-publish": "1"}),
    )
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().intro == "Nouvelle présentation"  # the draft
    assert page.intro != "Nouvelle présentation"  # the live page is unchanged


def test_a_partner_cannot_change_its_acronym_or_type(client, cndp_editor):
    """The type says which institution is the authority (whose moderators publish every
    section) and the acronym names the groups: a partner's form does not offer them, and a
    forged form does not change them."""
    login_verified(client, cndp_editor)
    page = InstitutionPage.objects.get(slug="cndp", locale__language_code="fr")
    form = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert 'name="kind"' not in form and 'name="acronym"' not in form
    assert 'name="intro"' in form
    client.post(
        f"/admin/pages/{page.pk}/edit/",
        edit_data(page, kind="authority", acronym="INPPLC2", intro="Toujours la CNDP"),
    )
    draft = InstitutionPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert draft.intro == "Toujours la CNDP"
    assert (draft.kind, draft.acronym) == ("national", "CNDP")


@pytest.fixture
def cndp_as_admin(client, django_user_model):
    """The CNDP's French page, with a signed-in administrator and its revision count."""
    admin = django_user_model.objects.create_superuser("boss", password="x" * 16)
    login_verified(client, admin)
    page = InstitutionPage.objects.get(slug="cndp", locale__language_code="fr")
    return page, page.revisions.count()


def test_admin_form_rejects_bad_values_and_saves_nothing(client, cndp_as_admin):
    page, revisions = cndp_as_admin
    response = client.post(
        f"/admin/pages/{page.pk}/edit/",
        edit_data(page, website="not a web address", kind="bogus", acronym=""),
        HTTP_ACCEPT_LANGUAGE="fr",
    )
    assert response.status_code == 200
    html = response.content.decode()
    # The admin speaks the editor's language, errors included.
    assert "Enter a valid URL." not in html
    assert "Saisissez une URL valide." in html
    assert page.revisions.count() == revisions
    page.refresh_from_db()
    assert page.website == "https://www.cndp.ma"


def test_admin_refuses_an_acronym_already_in_use(client, cndp_as_admin):
    page, revisions = cndp_as_admin
    response = client.post(
        f"/admin/pages/{page.pk}/edit/", edit_data(page, acronym="cndh"), HTTP_ACCEPT_LANGUAGE="fr"
    )
    assert response.status_code == 200
    assert "Une autre institution utilise déjà ce sigle." in response.content.decode()
    assert page.revisions.count() == revisions


def test_an_institution_created_again_gets_its_groups_back():
    first = InstitutionPageFactory(acronym="OBS")
    workspace = InstitutionWorkspace.objects.get(translation_key=first.translation_key)
    first.delete()
    second = InstitutionPageFactory(acronym="OBS")
    workspace.refresh_from_db()
    assert workspace.translation_key == second.translation_key
    assert GroupPagePermission.objects.filter(group=workspace.editors, page=second).exists()
