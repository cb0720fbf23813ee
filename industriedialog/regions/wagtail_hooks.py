"""Back office: reference data readable by staff in Wagtail's admin."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from .models import District


class DistrictViewSet(ModelViewSet):
    model = District
    name = "districts"
    icon = "site"
    menu_label = _("Kreise")
    add_to_admin_menu = True
    menu_order = 900
    list_display = ["ags", "name", "kind", "state", "population", "area_km2", "successor"]
    list_filter = ["state", "kind"]
    search_fields = ["name", "ags", "nuts3"]
    form_fields = [
        "name",
        "kind",
        "nuts3",
        "state",
        "population",
        "area_km2",
        "figures_as_of",
        "successor",
        "dissolved_on",
    ]
    inspect_view_enabled = True
    list_per_page = 50


@hooks.register("register_admin_viewset")
def register_district_viewset() -> DistrictViewSet:
    return DistrictViewSet()
