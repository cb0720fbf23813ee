"""Reference data: the 16 states and the districts (Kreise, kreisfreie Städte) with AGS."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class State(models.Model):
    code = models.CharField(_("Kürzel"), max_length=2, unique=True, help_text=_("z. B. TH"))
    ags = models.CharField(_("AGS-Präfix"), max_length=2, unique=True, help_text=_("z. B. 16"))
    nuts1 = models.CharField(_("NUTS-1-Code"), max_length=3, unique=True)
    name = models.CharField(_("Name"), max_length=100, unique=True)

    class Meta:
        verbose_name = _("Bundesland")
        verbose_name_plural = _("Bundesländer")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class DistrictQuerySet(models.QuerySet["District"]):
    def current(self) -> DistrictQuerySet:
        """Districts as they exist today (former ones point to their successor)."""
        return self.filter(successor__isnull=True)


class District(models.Model):
    class Kind(models.TextChoices):
        URBAN = "kreisfreie_stadt", _("Kreisfreie Stadt")
        URBAN_BW = "stadtkreis", _("Stadtkreis")
        RURAL = "landkreis", _("Landkreis")
        RURAL_NW_SH = "kreis", _("Kreis")
        REGIONAL_ASSOCIATION = "regionalverband", _("Regionalverband")

    ags = models.CharField(
        _("Kreisschlüssel (AGS)"),
        max_length=5,
        unique=True,
        help_text=_("Fünfstelliger amtlicher Gemeindeschlüssel des Kreises, z. B. 16061"),
    )
    name = models.CharField(_("Name"), max_length=120)
    kind = models.CharField(_("Kreistyp"), max_length=20, choices=Kind.choices)
    nuts3 = models.CharField(_("NUTS-3-Code"), max_length=5, blank=True)
    state = models.ForeignKey(
        State, verbose_name=_("Bundesland"), on_delete=models.PROTECT, related_name="districts"
    )
    population = models.PositiveIntegerField(_("Einwohnerzahl"), null=True, blank=True)
    area_km2 = models.DecimalField(
        _("Fläche (km²)"), max_digits=9, decimal_places=2, null=True, blank=True
    )
    figures_as_of = models.DateField(_("Stand der Zahlen"), null=True, blank=True)
    successor = models.ForeignKey(
        "self",
        verbose_name=_("aufgegangen in"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="predecessors",
        help_text=_("Für ehemalige Kreise: der heutige Kreis, in dem dieser aufging."),
    )
    dissolved_on = models.DateField(_("aufgelöst am"), null=True, blank=True)
    # A point inside the district (not the centre of mass, which may lie outside), for markers.
    centroid_lat = models.DecimalField(
        _("Kartenpunkt Breite"),
        max_digits=7,
        decimal_places=4,
        null=True,
        blank=True,
        help_text=_("Punkt innerhalb des Kreises für Karten (WGS 84), aus den Kreisgrenzen."),
    )
    centroid_lon = models.DecimalField(
        _("Kartenpunkt Länge"),
        max_digits=7,
        decimal_places=4,
        null=True,
        blank=True,
        help_text=_("Punkt innerhalb des Kreises für Karten (WGS 84), aus den Kreisgrenzen."),
    )

    objects = DistrictQuerySet.as_manager()

    class Meta:
        verbose_name = _("Kreis")
        verbose_name_plural = _("Kreise")
        ordering = ["ags"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(successor__isnull=True, dissolved_on__isnull=True)
                | models.Q(successor__isnull=False, dissolved_on__isnull=False),
                name="district_successor_with_date",
            ),
            models.CheckConstraint(
                condition=models.Q(centroid_lat__isnull=True, centroid_lon__isnull=True)
                | models.Q(centroid_lat__isnull=False, centroid_lon__isnull=False),
                name="district_centroid_complete",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_current(self) -> bool:
        return self.successor_id is None

    @property
    def population_density(self) -> float | None:
        if not self.population or not self.area_km2:
            return None
        return round(self.population / float(self.area_km2), 1)


class Indicator(models.Model):
    """A regional statistic per district (e.g. persons employed in manufacturing), filled by
    the staff's CSV import; population and area stay on ``District`` (reference data)."""

    name = models.CharField(_("Name"), max_length=150, unique=True)
    unit = models.CharField(_("Einheit"), max_length=40, blank=True, help_text=_("z. B. Personen"))
    description = models.TextField(_("Beschreibung"), blank=True)

    class Meta:
        verbose_name = _("Kennzahl")
        verbose_name_plural = _("Kennzahlen")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class IndicatorValue(models.Model):
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("Kennzahl"), on_delete=models.CASCADE, related_name="values"
    )
    district = models.ForeignKey(
        District, verbose_name=_("Kreis"), on_delete=models.CASCADE, related_name="indicator_values"
    )
    year = models.PositiveSmallIntegerField(_("Jahr"))
    value = models.DecimalField(_("Wert"), max_digits=18, decimal_places=4)
    source = models.CharField(_("Quelle"), max_length=255)
    imported_at = models.DateTimeField(_("importiert am"), auto_now=True)

    class Meta:
        verbose_name = _("Kennzahlwert")
        verbose_name_plural = _("Kennzahlwerte")
        ordering = ["indicator", "district", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "district", "year"], name="indicator_value_unique_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.district.ags} {self.year}: {self.value}"
