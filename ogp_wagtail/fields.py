"""A month field: the handbook gives milestone dates as MM/YYYY."""

import datetime

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.models import register_form_field_override


class MonthInput(forms.DateInput):
    input_type = "month"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m")


class MonthFormField(forms.DateField):
    """Accepts YYYY-MM (what ``<input type="month">`` sends) or MM/YYYY; keeps day 1."""

    widget = MonthInput
    input_formats = ["%Y-%m", "%m/%Y", "%Y-%m-%d"]
    default_error_messages = {"invalid": _("Enter a month as YYYY-MM, for example 2026-03.")}

    def to_python(self, value):
        day = super().to_python(value)
        return day.replace(day=1) if day else day


class MonthField(models.DateField):
    """A calendar month, stored as its first day."""

    def to_python(self, value):
        day = super().to_python(value)
        return day.replace(day=1) if isinstance(day, datetime.date) else day

    def pre_save(self, model_instance, add):
        value = getattr(model_instance, self.attname)
        if isinstance(value, datetime.date):
            value = value.replace(day=1)
            setattr(model_instance, self.attname, value)
        return value

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": MonthFormField, **kwargs})


# Wagtail maps every DateField to its date picker; a month wants the month input.
register_form_field_override(
    MonthField, override={"form_class": MonthFormField, "widget": MonthInput}, exact_class=True
)
