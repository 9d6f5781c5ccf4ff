# The steps of up.sh, one function per component (sourced, not run).
# shellcheck shell=bash
# Uses: STATE_DIR, K8S_BIN, KWOK_BIN, METRICS_SERVER_BIN, ETCD_BIN, KUBECTL, API_URL, P_* ports.

PKI_DIR() { echo "$STATE_DIR/pki"; }
KUBECONFIGS="$STATE_DIR/kubeconfig"
SERVICE_CIDR="10.96.0.0/16"
POD_CIDR="10.244.0.1/16"

# Kubeconfig with embedded certificates, so that it works from anywhere on this machine.
write_kubeconfig() {
  local user="$1" file="$KUBECONFIGS/$1.kubeconfig" pki
  pki="$(PKI_DIR)"
  mkdir -p "$KUBECONFIGS"
  "$KUBECTL" config --kubeconfig="$file" set-cluster orrery-test --server="$API_URL" \
    --certificate-authority="$pki/ca.crt" --embed-certs=true >/dev/null
  "$KUBECTL" config --kubeconfig="$file" set-credentials "$user" \
    --client-certificate="$pki/$user.crt" --client-key="$pki/$user.key" --embed-certs=true >/dev/null
  "$KUBECTL" config --kubeconfig="$file" set-context "$user@orrery-test" --cluster=orrery-test --user="$user" >/dev/null
  "$KUBECTL" config --kubeconfig="$file" use-context "$user@orrery-test" >/dev/null
  chmod 600 "$file"
}

write_kubeconfigs() {
  local user
  for user in admin orrery alice bob kube-controller-manager kube-scheduler kwok metrics-server; do
    write_kubeconfig "$user"
  done
}

admin_kubectl() { "$KUBECTL" --kubeconfig="$KUBECONFIGS/admin.kubeconfig" "$@"; }

start_etcd() {
  start_component etcd "$ETCD_BIN" --name=orrery-test --data-dir="$STATE_DIR/etcd" \
    --listen-client-urls="http://127.0.0.1:$P_ETCD" --advertise-client-urls="http://127.0.0.1:$P_ETCD" \
    --listen-peer-urls="http://127.0.0.1:$P_PEER" --initial-advertise-peer-urls="http://127.0.0.1:$P_PEER" \
    --initial-cluster="orrery-test=http://127.0.0.1:$P_PEER" --unsafe-no-fsync=true --log-level=warn
  wait_until "etcd health" "$TIMEOUT" etcd curl -fsS "http://127.0.0.1:$P_ETCD/health"
}

start_apiserver() {
  local pki
  pki="$(PKI_DIR)"
  start_component kube-apiserver "$K8S_BIN/kube-apiserver" \
    --advertise-address=127.0.0.1 --bind-address=127.0.0.1 --secure-port="$P_API" \
    --etcd-servers="http://127.0.0.1:$P_ETCD" --cert-dir="$STATE_DIR/apiserver" \
    --client-ca-file="$pki/ca.crt" --tls-cert-file="$pki/apiserver.crt" --tls-private-key-file="$pki/apiserver.key" \
    --service-account-issuer=https://kubernetes.default.svc.cluster.local \
    --service-account-key-file="$pki/sa.pub" --service-account-signing-key-file="$pki/sa.key" \
    --service-cluster-ip-range="$SERVICE_CIDR" --authorization-mode=Node,RBAC --allow-privileged=true \
    --kubelet-client-certificate="$pki/apiserver-kubelet-client.crt" --kubelet-client-key="$pki/apiserver-kubelet-client.key" \
    --kubelet-certificate-authority="$pki/ca.crt" --kubelet-preferred-address-types=InternalIP \
    --requestheader-client-ca-file="$pki/front-proxy-ca.crt" --requestheader-allowed-names=front-proxy-client \
    --requestheader-username-headers=X-Remote-User --requestheader-group-headers=X-Remote-Group \
    --requestheader-extra-headers-prefix=X-Remote-Extra- \
    --proxy-client-cert-file="$pki/front-proxy-client.crt" --proxy-client-key-file="$pki/front-proxy-client.key" \
    --enable-aggregator-routing=false --endpoint-reconciler-type=none --profiling=false
  wait_until "kube-apiserver /readyz" "$TIMEOUT" kube-apiserver admin_kubectl get --raw /readyz
}

apply_identities() {
  admin_kubectl apply -f "$CACHE_ROOT/kwok-$KWOK_VERSION/share/kwok-rbac.yaml" -f "$HERE/manifests/identities.yaml" >/dev/null
  say "applied RBAC for orrery, alice, bob, kwok-controller and metrics-server"
}

start_controllers() {
  local pki
  pki="$(PKI_DIR)"
  start_component kube-controller-manager "$K8S_BIN/kube-controller-manager" \
    --kubeconfig="$KUBECONFIGS/kube-controller-manager.kubeconfig" \
    --authentication-kubeconfig="$KUBECONFIGS/kube-controller-manager.kubeconfig" \
    --authorization-kubeconfig="$KUBECONFIGS/kube-controller-manager.kubeconfig" \
    --bind-address=127.0.0.1 --secure-port="$P_KCM" --cert-dir="$STATE_DIR/kube-controller-manager" \
    --cluster-signing-cert-file="$pki/ca.crt" --cluster-signing-key-file="$pki/ca.key" \
    --root-ca-file="$pki/ca.crt" --service-account-private-key-file="$pki/sa.key" \
    --service-cluster-ip-range="$SERVICE_CIDR" --use-service-account-credentials=true --leader-elect=false
  start_component kube-scheduler "$K8S_BIN/kube-scheduler" \
    --kubeconfig="$KUBECONFIGS/kube-scheduler.kubeconfig" \
    --authentication-kubeconfig="$KUBECONFIGS/kube-scheduler.kubeconfig" \
    --authorization-kubeconfig="$KUBECONFIGS/kube-scheduler.kubeconfig" \
    --bind-address=127.0.0.1 --secure-port="$P_SCHED" --cert-dir="$STATE_DIR/kube-scheduler" --leader-elect=false
}

start_kwok() {
  local config pki
  pki="$(PKI_DIR)"
  config="$(bash "$HERE/kwok-config.sh" "$STATE_DIR/kwok" "$POD_STAGES")"
  start_component kwok "$KWOK_BIN/kwok" --kubeconfig="$KUBECONFIGS/kwok.kubeconfig" --config="$config" \
    --manage-all-nodes=false --manage-nodes-with-annotation-selector=kwok.x-k8s.io/node=fake \
    --server-address="127.0.0.1:$P_KWOK" --node-ip=127.0.0.1 --node-port="$P_KWOK" --cidr="$POD_CIDR" \
    --tls-cert-file="$pki/kwok-serving.crt" --tls-private-key-file="$pki/kwok-serving.key" \
    --node-lease-duration-seconds=40
  wait_until "kwok /healthz" "$TIMEOUT" kwok curl -fsS "http://127.0.0.1:$P_KWOK/healthz"
}

# Nodes as kwokctl makes them: kwok manages them (annotation) and metrics-server finds their
# per-node resource-metrics path on kwok's shared server (annotation).
node_manifest() {
  local name="$1" zone="$2"
  cat <<YAML
apiVersion: v1
kind: Node
metadata:
  name: $name
  annotations:
    kwok.x-k8s.io/node: fake
    node.alpha.kubernetes.io/ttl: "0"
    metrics.k8s.io/resource-metrics-path: /metrics/nodes/$name/metrics/resource
  labels:
    kubernetes.io/arch: amd64
    kubernetes.io/os: linux
    kubernetes.io/hostname: $name
    node-role.kubernetes.io/agent: ""
    topology.kubernetes.io/zone: $zone
    type: kwok
status:
  allocatable: {cpu: "8", memory: 32Gi, pods: "110"}
  capacity: {cpu: "8", memory: 32Gi, pods: "110"}
  nodeInfo: {architecture: amd64, operatingSystem: linux}
YAML
}

create_nodes() {
  local i zones=(zone-a zone-b zone-c)
  for ((i = 0; i < NODE_COUNT; i++)); do
    echo "---"
    node_manifest "kwok-node-$i" "${zones[$((i % 3))]}"
  done | admin_kubectl apply -f - >/dev/null
  say "created $NODE_COUNT kwok nodes"
}

# metrics-server answers for metrics.k8s.io; the aggregator reaches it through an ExternalName service.
start_metrics_server() {
  local pki
  pki="$(PKI_DIR)"
  start_component metrics-server "$METRICS_SERVER_BIN/metrics-server" \
    --bind-address=127.0.0.1 --secure-port="$P_METRICS" --cert-dir="$STATE_DIR/metrics-server" \
    --tls-cert-file="$pki/metrics-server-serving.crt" --tls-private-key-file="$pki/metrics-server-serving.key" \
    --kubeconfig="$KUBECONFIGS/metrics-server.kubeconfig" \
    --authentication-kubeconfig="$KUBECONFIGS/metrics-server.kubeconfig" \
    --authorization-kubeconfig="$KUBECONFIGS/metrics-server.kubeconfig" \
    --kubelet-preferred-address-types=InternalIP --kubelet-use-node-status-port \
    --kubelet-certificate-authority="$pki/ca.crt" --metric-resolution=15s
  metrics_apiservice | admin_kubectl apply -f - >/dev/null
}

metrics_apiservice() {
  cat <<YAML
apiVersion: v1
kind: Service
metadata: {name: metrics-server, namespace: kube-system}
spec: {type: ExternalName, externalName: 127.0.0.1}
---
apiVersion: apiregistration.k8s.io/v1
kind: APIService
metadata: {name: v1beta1.metrics.k8s.io}
spec:
  group: metrics.k8s.io
  version: v1beta1
  groupPriorityMinimum: 100
  versionPriority: 100
  caBundle: $(base64 -w0 <"$(PKI_DIR)/ca.crt")
  service: {name: metrics-server, namespace: kube-system, port: $P_METRICS}
YAML
}

nodes_ready() {
  local ready
  ready="$(admin_kubectl get nodes -l type=kwok \
    -o jsonpath='{range .items[*]}{.status.conditions[?(@.type=="Ready")].status}{"\n"}{end}' | grep -c '^True$')"
  [[ "$ready" == "$NODE_COUNT" ]]
}

metrics_available() {
  admin_kubectl get apiservice v1beta1.metrics.k8s.io \
    -o jsonpath='{.status.conditions[?(@.type=="Available")].status}' | grep -qx True
}

wait_cluster_ready() {
  wait_until "$NODE_COUNT kwok nodes Ready" "$TIMEOUT" kwok nodes_ready
  wait_until "default service account" "$TIMEOUT" kube-controller-manager \
    admin_kubectl get serviceaccount default -n default
  wait_until "metrics.k8s.io APIService Available" "$TIMEOUT" metrics-server metrics_available
  wait_until "kube-apiserver /readyz" "$TIMEOUT" kube-apiserver admin_kubectl get --raw /readyz
}

# Machine-readable summary for test runners (sourceable by bash, parseable as KEY=VALUE).
write_env_file() {
  local name
  {
    echo "ORRERY_CLUSTER_API_URL=$API_URL"
    echo "ORRERY_CLUSTER_CA=$(PKI_DIR)/ca.crt"
    for name in admin orrery alice bob; do
      echo "ORRERY_CLUSTER_KUBECONFIG_${name^^}=$KUBECONFIGS/$name.kubeconfig"
    done
    echo "ORRERY_CLUSTER_K8S_VERSION=$K8S_VERSION"
    echo "ORRERY_CLUSTER_KUBECTL=$KUBECTL"
    echo "ORRERY_CLUSTER_NODES=$NODE_COUNT"
  } >"$STATE_DIR/cluster.env"
}

print_summary() {
  local name
  echo "Orrery test cluster is up in ${1}s (Kubernetes $K8S_VERSION, $NODE_COUNT kwok nodes)"
  echo "  apiserver:   $API_URL"
  echo "  state:       $STATE_DIR   (env file: $STATE_DIR/cluster.env)"
  for name in admin orrery alice bob; do
    printf '  kubeconfig:  %-7s %s\n' "$name" "$KUBECONFIGS/$name.kubeconfig"
  done
  while read -r name; do
    printf '  %-24s pid %-8s log %s\n' "$name" "$(component_pid "$name")" "$LOGS_DIR/$name.log"
  done <"$PIDS_DIR/order"
  echo "  stop with:   bash $HERE/down.sh"
}
