from django.urls import path

from . import views, views_self_service, views_transfer, views_widget

app_name = "registry"

urlpatterns = [
    # --- public directory and back office (views) ---
    path("initiativen/", views.initiative_list, name="initiative_list"),
    path("initiativen/karte/", views.initiative_map, name="initiative_map"),
    # Back office (staff)
    path("intern/initiativen/", views.staff_initiative_list, name="staff_initiative_list"),
    path("intern/initiativen/neu/", views.staff_initiative_create, name="staff_initiative_create"),
    path(
        "intern/initiativen/<int:pk>/bearbeiten/",
        views.staff_initiative_edit,
        name="staff_initiative_edit",
    ),
    path(
        "intern/initiativen/<int:pk>/verlauf/",
        views.staff_initiative_history,
        name="staff_initiative_history",
    ),
    path(
        "intern/initiativen/<int:pk>/geprueft/",
        views.staff_initiative_verify,
        name="staff_initiative_verify",
    ),
    path(
        "intern/initiativen/<int:pk>/mitglieder/",
        views.staff_membership_manage,
        name="staff_membership_manage",
    ),
    path(
        "intern/initiativen/<int:pk>/ansprechpersonen/neu/",
        views.staff_contact_create,
        name="staff_contact_create",
    ),
    path(
        "intern/ansprechpersonen/<int:pk>/bearbeiten/",
        views.staff_contact_edit,
        name="staff_contact_edit",
    ),
    path("intern/organisationen/", views.staff_organisation_list, name="staff_organisation_list"),
    path(
        "intern/organisationen/neu/",
        views.staff_organisation_create,
        name="staff_organisation_create",
    ),
    path(
        "intern/organisationen/<int:pk>/bearbeiten/",
        views.staff_organisation_edit,
        name="staff_organisation_edit",
    ),
    path(
        "intern/organisationen/<int:pk>/verlauf/",
        views.staff_organisation_history,
        name="staff_organisation_history",
    ),
    path(
        "intern/initiativen/dubletten/", views.staff_duplicate_check, name="staff_duplicate_check"
    ),
    # --- import/export (views_transfer) ---
    path(
        "initiativen/export.<str:fmt>",
        views_transfer.initiative_export,
        name="initiative_export",
    ),
    path("intern/initiativen/import/", views_transfer.staff_import, name="staff_import"),
    path(
        "intern/initiativen/import/vorlage.<str:fmt>",
        views_transfer.staff_import_template,
        name="staff_import_template",
    ),
    path(
        "intern/initiativen/import/<int:pk>/",
        views_transfer.staff_import_detail,
        name="staff_import_detail",
    ),
    path(
        "intern/initiativen/import/<int:pk>/importieren/",
        views_transfer.staff_import_execute,
        name="staff_import_execute",
    ),
    path(
        "intern/initiativen/import/<int:pk>/verwerfen/",
        views_transfer.staff_import_discard,
        name="staff_import_discard",
    ),
    # --- embeddable widget (views_widget) ---
    path("initiativen/einbetten/", views_widget.widget_builder, name="widget_builder"),
    path("initiativen/widget/", views_widget.widget, name="widget"),
    # --- representatives' self-service (views_self_service) ---
    path(
        "initiativen/<slug:slug>/vertreten/",
        views_self_service.representation_request,
        name="representation_request",
    ),
    path("meine-initiativen/", views_self_service.my_initiatives, name="my_initiatives"),
    path(
        "initiativen/<slug:slug>/aenderung-vorschlagen/",
        views_self_service.change_proposal_create,
        name="change_proposal_create",
    ),
    path(
        "initiativen/<slug:slug>/vorschlaege/<int:pk>/zurueckziehen/",
        views_self_service.change_proposal_withdraw,
        name="change_proposal_withdraw",
    ),
    path(
        "initiativen/<slug:slug>/pruefen/<str:token>/",
        views_self_service.verification_review,
        name="verification_review",
    ),
    path(
        "intern/vertretungen/",
        views_self_service.staff_representation_list,
        name="staff_representation_list",
    ),
    path(
        "intern/vertretungen/<int:pk>/entscheiden/",
        views_self_service.staff_representation_decide,
        name="staff_representation_decide",
    ),
    path(
        "intern/vertretungen/<int:pk>/beenden/",
        views_self_service.staff_representation_revoke,
        name="staff_representation_revoke",
    ),
    path(
        "intern/aenderungsvorschlaege/",
        views_self_service.staff_proposal_list,
        name="staff_proposal_list",
    ),
    path(
        "intern/aenderungsvorschlaege/<int:pk>/",
        views_self_service.staff_proposal_review,
        name="staff_proposal_review",
    ),
    path(
        "intern/pruefungen/",
        views_self_service.staff_verification_list,
        name="staff_verification_list",
    ),
    # The slug route last: fixed paths like "initiativen/einbetten/" must win.
    path("initiativen/<slug:slug>/", views.initiative_detail, name="initiative_detail"),
]
