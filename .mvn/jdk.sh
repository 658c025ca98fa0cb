# Selects a JDK 21+ for ./mvnw, ./solo and .ci/run. POSIX sh; sourced, not executed.
# Order: $JAVA_HOME when it is 21 or newer, then the Temurin 25 of our build machines,
# then the `java` on PATH when it is 21 or newer; otherwise one clear line and exit 1.

solo_java_major() {
  # Prints the feature version (17, 21, 25, ...) of the JDK home in $1, or nothing.
  _release="$1/release"
  if [ -r "$_release" ]; then
    _v=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$_release")
  else
    _v=$("$1/bin/java" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n 1)
  fi
  case "$_v" in
  1.*) _v=${_v#1.} ;;
  esac
  printf '%s\n' "${_v%%[.+-]*}"
}

solo_jdk_ok() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  _m=$(solo_java_major "$1")
  [ -n "$_m" ] && [ "$_m" -ge 21 ] 2>/dev/null
}

solo_select_jdk() {
  if [ -n "${JAVA_HOME-}" ] && solo_jdk_ok "$JAVA_HOME"; then
    return 0
  fi
  if solo_jdk_ok /usr/lib/jvm/temurin-25-jdk-amd64; then
    JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
    export JAVA_HOME
    return 0
  fi
  _javac=$(command -v javac 2>/dev/null || true)
  if [ -n "$_javac" ]; then
    _home=$(cd "$(dirname "$(readlink -f "$_javac")")/.." && pwd)
    if solo_jdk_ok "$_home"; then
      JAVA_HOME=$_home
      export JAVA_HOME
      return 0
    fi
  fi
  echo "error: a JDK 21 or newer is needed (JAVA_HOME=${JAVA_HOME:-unset} is not one, and none was found at /usr/lib/jvm/temurin-25-jdk-amd64 or on PATH); set JAVA_HOME to a JDK 21+" >&2
  exit 1
}
