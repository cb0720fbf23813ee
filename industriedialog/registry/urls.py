from django.urls import URLPattern, path  # noqa: F401

from . import views_transfer

app_name = "registry"

urlpatterns: list[URLPattern] = [
    # --- public directory and back office (views) ---
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
    # --- representatives' self-service (views_self_service) ---
]
