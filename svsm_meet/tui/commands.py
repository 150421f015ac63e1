"""Every action in the command palette: the bindings of the screen in view, named as in the footer.

Only the app's own bindings (each has an id): the widgets' low-level keys ("Move cursor left",
"Scroll Down", "Focus Next") are Textual's, reached by their keys, and would bury the commands.
"""

from __future__ import annotations

from textual.app import SystemCommand


def binding_commands(app, screen):
    seen = set()
    for key, active in screen.active_bindings.items():
        binding = active.binding
        node = active.node
        if (not binding.id or not binding.description or (id(node), binding.action) in seen
                or not active.enabled):
            continue
        seen.add((id(node), binding.action))

        def run(action=binding.action, node=node):
            app.call_later(app.run_action, action, node)

        yield SystemCommand(binding.description, f"{binding.id} · {key}", run)
