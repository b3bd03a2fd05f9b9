#!/usr/bin/env bash
# Writes keycloak/portal-realm.dev.json: infra/keycloak/portal-realm.json with its development overlay
# (demo users, portal-test client, dev secret) merged over it by the launcher's rule (RealmFiles: objects
# merge field by field; array items naming the same clientId/username/name merge, others are appended).
# Keycloak imports one file per realm, so compose needs the merged file. Run after changing either realm
# file; the k8s tests compare this file with the launcher's merge and fail while they differ.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
realms="$here/../keycloak"
jq -s '
  def merge($o):
    def items($src):
      reduce $src[] as $item (.;
        (if ($item|type) == "object"
         then (["clientId", "username", "name"] | map(select($item[.] != null)) | first)
         else null end) as $k
        | if $k == null then . + [$item]
          else (map(type == "object" and .[$k] == $item[$k]) | index(true)) as $i
            | if $i == null then . + [$item] else .[$i] |= merge($item) end
          end);
    reduce ($o | to_entries[]) as $e (.;
      .[$e.key] as $x
      | if ($x|type) == "object" and ($e.value|type) == "object" then .[$e.key] = ($x | merge($e.value))
        elif ($x|type) == "array" and ($e.value|type) == "array" then .[$e.key] = ($x | items($e.value))
        else .[$e.key] = $e.value end);
  .[0] | merge($ARGS.named.overlay // {})
' "$realms/portal-realm.json" --argjson overlay "$(jq 'del(._comment)' "$realms/portal-realm.dev-overlay.json")" \
  > "$here/keycloak/portal-realm.dev.json"
