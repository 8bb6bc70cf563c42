from django.utils.html import format_html
from wagtail.admin.ui.tables import Column


class RatingColumn(Column):
    def get_value(self, instance):
        return format_html(
            '<span class="rating-{}">{}</span>', instance.rating, instance.get_rating_display()
        )
