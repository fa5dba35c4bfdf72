#!/bin/sh
# macOS and Linux: install the course from this kit, with no network.
#   sh install.sh                       the complete course into ./norms-course
#   sh install.sh --edition student     the student edition into ./norms-course-student
# PYTHON=python3.12 sh install.sh       to choose the Python (3.11 to 3.14)
set -eu
exec "${PYTHON:-python3}" "$(dirname "$0")/install.py" "$@"
