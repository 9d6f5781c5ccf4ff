#!/usr/bin/env bash
# Writes the test cluster's PKI into a directory with openssl: a cluster CA, a front-proxy CA,
# serving certs, one client cert per identity, and the service-account signing key.
# Usage: certs.sh <pki-dir>
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PKI="${1:?usage: certs.sh <pki-dir>}"
DAYS=30

new_ca() {
  local name="$1" cn="$2"
  openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days "$DAYS" -subj "/CN=$cn" \
    -keyout "$PKI/$name.key" -out "$PKI/$name.crt" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
}

# issue <ca> <name> <subject> <clientAuth|serverAuth|both> [subjectAltName]
issue() {
  local ca="$1" name="$2" subject="$3" usage="$4" san="${5:-}" ext="$PKI/$2.ext"
  case "$usage" in
    clientAuth) usage=clientAuth ;;
    serverAuth) usage=serverAuth ;;
    both) usage=serverAuth,clientAuth ;;
  esac
  {
    echo "basicConstraints=critical,CA:FALSE"
    echo "keyUsage=critical,digitalSignature,keyEncipherment"
    echo "extendedKeyUsage=$usage"
    [[ -z "$san" ]] || echo "subjectAltName=$san"
  } >"$ext"
  openssl req -new -newkey rsa:2048 -nodes -subj "$subject" -keyout "$PKI/$name.key" -out "$PKI/$name.csr" 2>/dev/null
  openssl x509 -req -sha256 -days "$DAYS" -in "$PKI/$name.csr" -CA "$PKI/$ca.crt" -CAkey "$PKI/$ca.key" \
    -CAcreateserial -extfile "$ext" -out "$PKI/$name.crt" 2>/dev/null
  rm -f "$PKI/$name.csr" "$ext"
}

main() {
  command -v openssl >/dev/null || die "openssl is not installed"
  mkdir -p "$PKI"
  chmod 700 "$PKI"
  new_ca ca orrery-test-cluster-ca
  new_ca front-proxy-ca orrery-test-front-proxy-ca

  local api_san="IP:127.0.0.1,IP:10.96.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default"
  api_san+=",DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local"
  issue ca apiserver "/CN=kube-apiserver" serverAuth "$api_san"
  issue ca metrics-server-serving "/CN=metrics-server" serverAuth \
    "IP:127.0.0.1,DNS:localhost,DNS:metrics-server.kube-system.svc"
  issue ca kwok-serving "/CN=kwok" serverAuth "IP:127.0.0.1,DNS:localhost"
  issue ca apiserver-kubelet-client "/O=system:masters/CN=kube-apiserver-kubelet-client" clientAuth
  issue front-proxy-ca front-proxy-client "/CN=front-proxy-client" clientAuth

  # Client identities; the RBAC that gives each its rights is in manifests/.
  issue ca admin "/O=system:masters/CN=orrery-test-admin" clientAuth
  issue ca kube-controller-manager "/CN=system:kube-controller-manager" clientAuth
  issue ca kube-scheduler "/CN=system:kube-scheduler" clientAuth
  issue ca kwok "/CN=kwok-controller" clientAuth
  issue ca metrics-server "/CN=system:metrics-server" clientAuth
  issue ca orrery "/CN=orrery" clientAuth
  issue ca alice "/O=orrery-test-admins/CN=alice" clientAuth
  issue ca bob "/O=team-a-developers/CN=bob" clientAuth

  openssl genrsa -out "$PKI/sa.key" 2048 2>/dev/null
  openssl rsa -in "$PKI/sa.key" -pubout -out "$PKI/sa.pub" 2>/dev/null
  rm -f "$PKI"/*.srl
}

main
