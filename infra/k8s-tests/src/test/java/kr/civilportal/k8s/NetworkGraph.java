package kr.civilportal.k8s;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.Map;

/**
 * Evaluates Kubernetes NetworkPolicies the way a conforming network plugin does: a connection passes when the
 * source may send it (no Egress policy selects the source, or one of the rules of those that do allows it) and
 * the destination may receive it (likewise for Ingress). Policies are additive. Only the portal's namespace has
 * policies here; pods elsewhere (ingress controller, Prometheus, DNS) are unrestricted on their side.
 */
final class NetworkGraph {

    /** A pod: its namespace (name and labels), its labels and its named container ports. */
    record Pod(String description, String namespace, Map<String, String> namespaceLabels, Map<String, String> labels,
               Map<String, Integer> namedPorts) {

        static Pod in(String namespace, String description, Map<String, String> labels, Map<String, Integer> ports) {
            return new Pod(description, namespace, Map.of("kubernetes.io/metadata.name", namespace), labels, ports);
        }
    }

    private final String namespace;
    private final List<NetworkPolicy> policies;

    NetworkGraph(String namespace, List<NetworkPolicy> policies) {
        this.namespace = namespace;
        this.policies = policies;
    }

    boolean allowed(Pod from, Pod to, int port, String protocol) {
        return sends(from, to, port, protocol) && receives(to, from, port, protocol);
    }

    private boolean sends(Pod from, Pod to, int port, String protocol) {
        if (!from.namespace().equals(namespace)) {
            return true;
        }
        List<NetworkPolicy> selecting = selecting(from, "Egress");
        if (selecting.isEmpty()) {
            return true;
        }
        return selecting.stream().flatMap(p -> p.getSpec().getEgress() == null ? java.util.stream.Stream.empty()
                        : p.getSpec().getEgress().stream())
                .anyMatch(rule -> peers(rule.getTo(), to) && ports(rule.getPorts(), to, port, protocol));
    }

    private boolean receives(Pod to, Pod from, int port, String protocol) {
        if (!to.namespace().equals(namespace)) {
            return true;
        }
        List<NetworkPolicy> selecting = selecting(to, "Ingress");
        if (selecting.isEmpty()) {
            return true;
        }
        return selecting.stream().flatMap(p -> p.getSpec().getIngress() == null ? java.util.stream.Stream.empty()
                        : p.getSpec().getIngress().stream())
                .anyMatch(rule -> peers(rule.getFrom(), from) && ports(rule.getPorts(), to, port, protocol));
    }

    private List<NetworkPolicy> selecting(Pod pod, String direction) {
        return policies.stream()
                .filter(p -> types(p).contains(direction))
                .filter(p -> matches(p.getSpec().getPodSelector(), pod.labels()))
                .toList();
    }

    /** policyTypes, defaulted as the API server does: Ingress always, Egress when egress rules exist. */
    private static List<String> types(NetworkPolicy p) {
        if (p.getSpec().getPolicyTypes() != null && !p.getSpec().getPolicyTypes().isEmpty()) {
            return p.getSpec().getPolicyTypes();
        }
        return p.getSpec().getEgress() != null && !p.getSpec().getEgress().isEmpty()
                ? List.of("Ingress", "Egress") : List.of("Ingress");
    }

    private boolean peers(List<NetworkPolicyPeer> peers, Pod other) {
        if (peers == null || peers.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPeer peer : peers) {
            if (peer.getIpBlock() != null) {
                continue; // addresses outside the cluster; none of the modelled pods
            }
            boolean namespaceOk = peer.getNamespaceSelector() == null
                    ? other.namespace().equals(namespace)
                    : matches(peer.getNamespaceSelector(), other.namespaceLabels());
            boolean podOk = peer.getPodSelector() == null || matches(peer.getPodSelector(), other.labels());
            if (namespaceOk && podOk) {
                return true;
            }
        }
        return false;
    }

    private static boolean ports(List<NetworkPolicyPort> ports, Pod to, int port, String protocol) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPort p : ports) {
            String proto = p.getProtocol() == null ? "TCP" : p.getProtocol();
            if (!proto.equals(protocol)) {
                continue;
            }
            IntOrString value = p.getPort();
            if (value == null) {
                return true;
            }
            Integer number = value.getIntVal() != null ? value.getIntVal() : to.namedPorts().get(value.getStrVal());
            if (number != null) {
                int end = p.getEndPort() != null ? p.getEndPort() : number;
                if (port >= number && port <= end) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        if (selector.getMatchLabels() != null) {
            for (var e : selector.getMatchLabels().entrySet()) {
                if (!e.getValue().equals(labels.get(e.getKey()))) {
                    return false;
                }
            }
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
                String value = labels.get(r.getKey());
                boolean ok = switch (r.getOperator()) {
                    case "In" -> value != null && r.getValues().contains(value);
                    case "NotIn" -> value == null || !r.getValues().contains(value);
                    case "Exists" -> labels.containsKey(r.getKey());
                    case "DoesNotExist" -> !labels.containsKey(r.getKey());
                    default -> throw new IllegalArgumentException("Unknown selector operator " + r.getOperator());
                };
                if (!ok) {
                    return false;
                }
            }
        }
        return true;
    }
}
