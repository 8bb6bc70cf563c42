from django.apps import AppConfig
from django.db.models.signals import post_migrate


class OrganisationConfig(AppConfig):
    name = "organisation"
    verbose_name = "Organisation"

    def ready(self):
        from .roles import sync_roles_after_migrate

        # Groups and their permissions follow the code on every migrate (and test database).
        post_migrate.connect(sync_roles_after_migrate, dispatch_uid="organisation.sync_roles")
