import streamlit as st; st.write("ok")  # noqa: E702  the baseline page of bench/benchmark.py (#4)
