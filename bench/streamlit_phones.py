"""The floor of the live-class benchmark: the same class on a bare Streamlit page.

``BARE_LIVE_PAGE`` is the join, wait and answer flow as one plain Streamlit script on the same
store (what a poll costs when every phone is a Streamlit session); ``StreamlitClass`` drives it
with light phones that speak Streamlit's own websocket protocol, as the browser does: a rerun
per action, widget states, and the fragment's auto-reruns every two seconds.
"""

from __future__ import annotations

import asyncio
import random
import time
from urllib.parse import parse_qs

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

from tests.e2e.light_phones import Crowd, PhoneRecord

BARE_LIVE_PAGE = """
import streamlit as st

from courseware.content.banks import items_by_id
from courseware.live.store import LiveStore
from courseware.storage.store import Store, database_url


@st.cache_resource
def live_store():
    return LiveStore(Store(database_url()))


live = live_store()
token = st.query_params.get("player")
player = live.player(token) if token else None
if player is None:
    code = st.text_input("code", value=st.query_params.get("code", ""))
    nickname = st.text_input("nickname")
    if st.button("join"):
        joined = live.join(code, nickname)
        if not isinstance(joined, str):
            st.query_params["player"] = joined.token
            st.rerun()
        st.error(joined)
    st.markdown("STATUS join")
    st.stop()

question = live.current(player.session_id)
if question and not question.revealed and live.my_answer(question.id, player.id) is None:
    item = items_by_id("zh")[question.item_id]
    st.markdown(f"{question.number}. {item.prompt}")
    for key, text in item.options.items():
        if st.button(f"{key}. {text}", key=f"q{question.id}-{key}"):
            live.answer(question.id, player, key, float(key == item.answer))
            st.rerun()
    st.markdown(f"STATUS question {question.id}")
else:
    @st.fragment(run_every=2)
    def waiting():
        now = live.current(player.session_id)
        if (now and (now.id, now.revealed)) != (question and (question.id, question.revealed)):
            st.rerun()
        if now is None:
            st.markdown("STATUS waiting")
        elif now.revealed:
            mine = live.my_answer(now.id, player.id)
            st.markdown(f"score {mine[1] if mine else 0}")
            st.markdown(f"STATUS revealed {now.id}")
        else:
            st.markdown(f"STATUS answered {now.id}")
    waiting()
"""


class StreamlitClass(Crowd):
    """Light phones on the bare page, each a websocket session of Streamlit's protocol."""

    def __init__(self, base_url: str, code: str) -> None:
        super().__init__(base_url, code)
        self.stream_url = base_url.replace("http://", "ws://") + "/_stcore/stream"

    async def _phone(self, record: PhoneRecord, delay: float) -> None:
        await _Session(self, record).run(delay)


class _Session:
    """One phone: a websocket session that reruns the script as a browser would."""

    def __init__(self, room: StreamlitClass, record: PhoneRecord) -> None:
        self.room = room
        self.record = record
        self.query = f"code={room.code}"
        self.widgets: dict[str, str] = {}  # label -> widget id, as the last run drew them
        self.fragments: dict[str, asyncio.Task] = {}
        self.socket = None
        self.joined_at: float | None = None
        self.answering = False

    async def run(self, delay: float) -> None:
        await asyncio.sleep(delay)
        try:
            async with websockets.connect(self.room.stream_url, subprotocols=["streamlit"],
                                          max_size=None, open_timeout=60) as socket:  # fmt: skip
                self.socket = socket
                await self.rerun()
                async for raw in socket:
                    message = ForwardMsg()
                    message.ParseFromString(raw)
                    if await self.take(message):
                        return
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # every failure is a finding, kept for the report
            self.record.errors.append(f"{type(exc).__name__}: {exc}")
        finally:
            for task in self.fragments.values():
                task.cancel()

    async def rerun(self, states: list[WidgetState] = (), fragment: str = "") -> None:
        message = BackMsg()
        message.rerun_script.query_string = self.query
        message.rerun_script.widget_states.widgets.extend(states)
        if fragment:
            message.rerun_script.fragment_id = fragment
            message.rerun_script.is_auto_rerun = True
        await self.socket.send(message.SerializeToString())

    async def take(self, message: ForwardMsg) -> bool:
        """Follow one message from the server; True once the poll has ended."""
        kind = message.WhichOneof("type")
        if kind == "page_info_changed":
            self.query = message.page_info_changed.query_string
            if "player" in parse_qs(self.query) and self.joined_at is None:
                self.joined_at = time.perf_counter()
        elif kind == "auto_rerun":
            fragment = message.auto_rerun.fragment_id
            if fragment not in self.fragments:
                ticking = self._tick(fragment, message.auto_rerun.interval)
                self.fragments[fragment] = asyncio.create_task(ticking)
        elif kind == "delta" and message.delta.WhichOneof("type") == "new_element":
            element = message.delta.new_element
            which = element.WhichOneof("type")
            if which in ("text_input", "button"):
                widget = getattr(element, which)
                self.widgets[widget.label] = widget.id
            elif which == "markdown" and element.markdown.body.startswith("STATUS "):
                await self.status(element.markdown.body.split()[1:])
        return "ended" in self.record.seen

    async def _tick(self, fragment: str, interval: float) -> None:
        while True:
            await asyncio.sleep(interval)
            await self.rerun(fragment=fragment)

    async def status(self, words: list[str]) -> None:
        now = time.time()
        if words[0] == "join" and not self.record.token:
            self.record.token = "joining"
            self.tapped = time.perf_counter()
            states = [
                self._text("code", self.room.code),
                self._text("nickname", self.record.nickname),
                self._trigger("join"),
            ]
            await self.rerun(states)
            return
        if self.record.join_seconds is None and words[0] != "join":
            self.record.join_seconds = time.perf_counter() - self.tapped
        key = f"{words[0]}:{words[1]}" if len(words) > 1 else words[0]
        self.record.seen.setdefault(key, now)
        if words[0] == "question" and not self.answering:
            self.answering = True
            self.fragments["answer"] = asyncio.create_task(self.answer())
        if words[0] == "answered" and self.record.answer_outcome is None and self.answering:
            self.record.answer_outcome = "stored"
            self.record.confirm_seconds = time.perf_counter() - self.answered_at
            self.record.confirmed_at = time.time()

    async def answer(self) -> None:
        await self.room.answer_now.wait()
        await asyncio.sleep(random.uniform(0, self.room.answer_window))
        options = [label for label in self.widgets if label[:2] in ("a.", "b.", "c.", "d.")]
        self.answered_at = time.perf_counter()
        await self.rerun([self._trigger(random.choice(options))])

    def _text(self, label: str, value: str) -> WidgetState:
        state = WidgetState(id=self.widgets[label])
        state.string_value = value
        return state

    def _trigger(self, label: str) -> WidgetState:
        state = WidgetState(id=self.widgets[label])
        state.trigger_value = True
        return state
