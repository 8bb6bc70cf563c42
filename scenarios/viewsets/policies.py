from wagtail.permission_policies import ModelPermissionPolicy


class ReadOnlyPolicy(ModelPermissionPolicy):
    """For records made by publishing and by jobs: seen in the admin, never edited there."""

    def user_has_permission(self, user, action):
        return action not in {"add", "change", "delete"} and super().user_has_permission(
            user, action
        )

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)
