"""Interactive tools placed in lessons with ``::: tool NAME``: each module draws one tool."""
