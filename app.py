"""The server: the course's Streamlit pages (``course.py``), and beside them the light routes
that serve trainees' phones in a live poll (``courseware.live.routes``), keep an instructor
signed in (``courseware.instructor_routes``) and keep a learner's token in the browser
(``courseware.learner_routes``). Addresses with no page go to the app's own "not found" page
(``courseware.unknown_addresses``).

``streamlit run app.py`` finds ``app`` and serves both from one process.
"""

import streamlit as st
from starlette.middleware import Middleware

from courseware.instructor_routes import instructor_routes
from courseware.learner_routes import learner_routes
from courseware.live.board import PollBoard
from courseware.live.routes import LiveRoutes, lifespan_for, live_store_opener
from courseware.live.screen_routes import ScreenRoutes
from courseware.navigation import page_paths
from courseware.unknown_addresses import UnknownAddresses

board = PollBoard(live_store_opener())
routes = [
    *LiveRoutes(board).routes(),
    *ScreenRoutes(board).routes(),
    *instructor_routes(),
    *learner_routes(),
]
route_heads = {route.path.strip("/").split("/", 1)[0] for route in routes}
middleware = [Middleware(UnknownAddresses, pages=page_paths, routes=route_heads)]
app = st.App("course.py", routes=routes, middleware=middleware, lifespan=lifespan_for(board))
