"""The server: the course's Streamlit pages (``course.py``), and beside them the light routes
that serve trainees' phones in a live poll (``courseware.live.routes``) and keep an instructor
signed in (``courseware.instructor_routes``).

``streamlit run app.py`` finds ``app`` and serves both from one process.
"""

import streamlit as st

from courseware.instructor_routes import instructor_routes
from courseware.live.board import PollBoard
from courseware.live.routes import LiveRoutes, lifespan_for, live_store_opener
from courseware.live.screen_routes import ScreenRoutes

board = PollBoard(live_store_opener())
routes = [*LiveRoutes(board).routes(), *ScreenRoutes(board).routes(), *instructor_routes()]
app = st.App("course.py", routes=routes, lifespan=lifespan_for(board))
