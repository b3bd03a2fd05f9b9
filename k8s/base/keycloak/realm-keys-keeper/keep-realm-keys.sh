#!/bin/sh
# Keeps the realm's signing keys (its JWK Set, with the issuer and when they were first kept) in the ConfigMap
# realm-keys that every service and the gateway mount read-only: an app that starts while Keycloak is
# away checks tokens with them. Run every 5 minutes by the CronJob realm-keys-keeper; changes the ConfigMap only
# when the keys changed, and never replaces kept keys with none.
set -eu

SA=/var/run/secrets/kubernetes.io/serviceaccount
API="https://kubernetes.default.svc/api/v1/namespaces/$(cat "$SA/namespace")/configmaps/realm-keys"
AUTH="Authorization: Bearer $(cat "$SA/token")"

discovery=$(curl -fsS --max-time 10 "$KEYCLOAK_REALM_URL/.well-known/openid-configuration")
issuer=$(printf '%s' "$discovery" | jq -er .issuer)
jwks=$(curl -fsS --max-time 10 "$(printf '%s' "$discovery" | jq -er .jwks_uri)")

signing=$(printf '%s' "$jwks" | jq '[.keys[] | select(.kty == "RSA" and (.use // "sig") == "sig")] | length')
if [ "$signing" -eq 0 ]; then
  echo "Keycloak published no RSA signing key: the kept keys are left as they are" >&2
  exit 1
fi

kept=$(curl -fsS --max-time 10 --cacert "$SA/ca.crt" -H "$AUTH" "$API" | jq -r '.data["realm-keys.json"] // "{\"keys\":[]}"')
if [ "$(printf '%s' "$kept" | jq -cS '[.keys[] | {kid, n, e}] | sort_by(.kid)')" = \
     "$(printf '%s' "$jwks" | jq -cS '[.keys[] | {kid, n, e}] | sort_by(.kid)')" ] \
   && [ "$(printf '%s' "$kept" | jq -r '.issuer // ""')" = "$issuer" ]; then
  echo "Realm keys unchanged ($signing signing key(s))"
  exit 0
fi

now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
patch=$(printf '%s' "$jwks" | jq -c --arg issuer "$issuer" --arg at "$now" \
  '{data: {"realm-keys.json": (. + {issuer: $issuer, fetched_at: $at} | tojson)}}')
curl -fsS --max-time 10 --cacert "$SA/ca.crt" -H "$AUTH" -H "Content-Type: application/merge-patch+json" \
  -X PATCH --data "$patch" "$API" > /dev/null
echo "Realm keys kept: $signing signing key(s), issuer $issuer"
