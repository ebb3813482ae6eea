#!/usr/bin/env python3
"""Writes the tcx scenarios of scenarios/*.json (the input format of ../shared/tools/tcx-oracle).
Record them with record.sh into scenarios/*.expected.json and commit both; the simulation's tests
replay the inputs and compare every step with the recorded kernel results."""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def att(prog, via="prog", flags=(), rel=None, by_id=False, rev=0, link=None, replace=None, dev=None, hook=None):
    s = {"op": "attach", "prog": prog, "via": via, "flags": list(flags), "relative": rel, "by_id": by_id,
         "expected_revision": rev}
    if link:
        s["link"] = link
    if replace:
        s["replace"] = {"prog": replace}
    return where(s, dev, hook)


def lnk(prog, name, flags=(), rel=None, by_id=False, rev=0, dev=None, hook=None):
    return att(prog, "link", flags, rel, by_id, rev, name, None, dev, hook)


def det(prog, flags=(), rel=None, by_id=False, rev=0, dev=None, hook=None):
    return where({"op": "detach", "prog": prog, "flags": list(flags), "relative": rel, "by_id": by_id,
                  "expected_revision": rev}, dev, hook)


def where(s, dev, hook):
    if dev:
        s["dev"] = dev
    if hook:
        s["hook"] = hook
    return s


def q(count_in=64, dev=None, hook=None):
    return where({"op": "query", "count_in": count_in}, dev, hook)


def send(n=1):
    return {"op": "send", "dev": "veth0", "packets": n}


def P(n):
    return {"prog": n}


def L(n):
    return {"link": n}


def upd(link, prog, old=None, flags=()):
    s = {"op": "link_update", "link": link, "prog": prog, "flags": list(flags)}
    if old:
        s["old_prog"] = old
    return s


def op(name, **kw):
    s = {"op": name}
    s.update(kw)
    return s


def sc(name, desc, progs, steps):
    return {"name": name, "description": desc, "progs": progs, "steps": steps}


N3 = {"A": "NEXT", "B": "NEXT", "C": "PASS"}
N4 = {"A": "NEXT", "B": "NEXT", "C": "NEXT", "D": "PASS"}

attach = [
    sc("tail_by_default", "three PROG_ATTACH without flags go to the tail in order", N3,
       [att("A"), att("B"), att("C"), q(), send()]),
    sc("before_without_relative_is_head", "BEFORE with no relative inserts at the head", N3,
       [att("A"), att("B"), att("C", flags=["BEFORE"]), q(), send()]),
    sc("after_without_relative_is_tail", "AFTER with no relative appends", N3,
       [att("A"), att("B", flags=["AFTER"]), att("C", flags=["AFTER"]), q()]),
    sc("before_program", "BEFORE a program by fd", N3,
       [att("A"), att("B"), att("C", flags=["BEFORE"], rel=P("B")), q()]),
    sc("after_program", "AFTER a program by fd", N3,
       [att("A"), att("B"), att("C", flags=["AFTER"], rel=P("A")), q()]),
    sc("before_program_by_id", "BEFORE|ID with the program id", N3,
       [att("A"), att("B"), att("C", flags=["BEFORE", "ID"], rel=P("A"), by_id=True), q()]),
    sc("after_program_by_id", "AFTER|ID with the program id", N3,
       [att("A"), att("B"), att("C", flags=["AFTER", "ID"], rel=P("A"), by_id=True), q()]),
    sc("before_link", "BEFORE|LINK relative to a link fd", N3,
       [lnk("A", "L1"), att("B", flags=["BEFORE", "LINK"], rel=L("L1")), q()]),
    sc("after_link_by_id", "AFTER|LINK|ID relative to a link id", N3,
       [lnk("A", "L1"), att("B"), att("C", flags=["AFTER", "LINK", "ID"], rel=L("L1"), by_id=True), q()]),
    sc("link_before_link", "a link created BEFORE another link", N3,
       [lnk("A", "L1"), lnk("B", "L2", flags=["BEFORE", "LINK"], rel=L("L1")), q(), send()]),
    sc("relative_without_position", "a relative program but neither BEFORE nor AFTER", N3,
       [att("A"), att("B", rel=P("A")), q()]),
    sc("relative_not_attached", "BEFORE a program that is not in the chain", N3,
       [att("A"), att("C", flags=["BEFORE"], rel=P("B")), q()]),
    sc("before_and_after", "BEFORE|AFTER with and without a relative", N3,
       [att("A", flags=["BEFORE", "AFTER"]), att("A"), att("B"), att("C", flags=["BEFORE", "AFTER"], rel=P("B")), q()]),
    sc("duplicate_program", "the same program twice on one hook", N3,
       [att("A"), att("A"), att("A", flags=["BEFORE"]), q()]),
    sc("duplicate_program_via_link", "a link for a program already attached without one", N3,
       [att("A"), lnk("A", "L1"), q()]),
    sc("same_program_both_hooks", "one program on ingress and egress of one device", N3,
       [att("A"), att("A", hook="egress"), q(), q(hook="egress")]),
    sc("prog_attach_allow_multi", "PROG_ATTACH with a flag outside the mprog mask", N3,
       [att("A", flags=["ALLOW_MULTI"]), att("A", flags=["ALLOW_OVERRIDE"]), att("A", flags=["PREORDER"]), q()]),
    sc("link_create_unknown_flags", "LINK_CREATE with ALLOW_MULTI alone and with BEFORE", N3,
       [lnk("A", "L1", flags=["ALLOW_MULTI"]), lnk("A", "L2", flags=["ALLOW_MULTI", "BEFORE"]), q()]),
    sc("relative_bad_fd", "a relative fd that is no open file", N3,
       [att("A"), att("B", flags=["BEFORE"], rel={"raw": 9999}), lnk("B", "L1", flags=["AFTER", "LINK"], rel={"raw": 9999}), q()]),
    sc("relative_missing_id", "a relative id no object has", N3,
       [att("A"), att("B", flags=["BEFORE", "ID"], rel={"raw": 999999}),
        att("B", flags=["BEFORE", "ID", "LINK"], rel={"raw": 999999}), q()]),
    sc("relative_id_zero", "ID with relative 0, for a program and a link", N3,
       [att("A"), att("B", flags=["BEFORE", "ID"]), att("B", flags=["AFTER", "ID", "LINK"]), q()]),
    sc("link_flag_with_prog_fd", "LINK flag but a program fd as relative", N3,
       [att("A"), att("B", flags=["BEFORE", "LINK"], rel=P("A")), q()]),
    sc("prog_relative_with_link_fd", "a link fd where a program fd is expected", N3,
       [lnk("A", "L1"), att("B", flags=["BEFORE"], rel=L("L1")), q()]),
    sc("link_flag_without_relative", "BEFORE|LINK with relative 0", N3,
       [att("A"), att("B", flags=["BEFORE", "LINK"]), q()]),
    sc("prog_relative_owned_by_link", "BEFORE a program that a link owns, by program fd", N3,
       [lnk("A", "L1"), att("B", flags=["BEFORE"], rel=P("A")), att("C", flags=["AFTER"], rel=P("A")), q()]),
    sc("replace_program", "REPLACE swaps a program in place", N3,
       [att("A"), att("B"), att("C", flags=["REPLACE"], replace="A"), q(), send()]),
    sc("replace_with_consistent_before", "REPLACE B and BEFORE D agree on the position", N4,
       [att("A"), att("B"), att("D"), att("C", flags=["REPLACE", "BEFORE"], replace="B", rel=P("D")), q()]),
    sc("replace_with_conflicting_before", "REPLACE B but BEFORE A points elsewhere", N4,
       [att("A"), att("B"), att("D"), att("C", flags=["REPLACE", "BEFORE"], replace="B", rel=P("A")),
        att("C", flags=["REPLACE", "AFTER"], replace="B", rel=P("D")), q()]),
    sc("replace_not_attached", "REPLACE a program that is not in the chain", N3,
       [att("A"), att("C", flags=["REPLACE"], replace="B"), q()]),
    sc("replace_link_owned", "PROG_ATTACH REPLACE of a program a link owns", N3,
       [lnk("A", "L1"), att("B", flags=["REPLACE"], replace="A"), q()]),
    sc("replace_fd_without_flag", "replace_bpf_fd set but no REPLACE flag", N3,
       [att("A"), att("B", replace="A"), q()]),
    sc("replace_with_itself", "REPLACE a program with one already in the chain", N3,
       [att("A"), att("B"), att("B", flags=["REPLACE"], replace="A"), q()]),
    sc("replace_on_empty_hook", "REPLACE when the hook has no chain", N3,
       [att("B", flags=["REPLACE"], replace="A"), q()]),
    sc("expected_revision", "expected_revision matching, stale, and on an empty hook", N3,
       [att("A", rev=1), q(), att("B", rev=2), att("C", rev=2), att("C", rev=3), q()]),
    sc("stale_checked_before_exists", "a duplicate with a stale revision is ESTALE", N3,
       [att("A"), att("A", rev=7), att("A", rev=2), q()]),
    sc("exists_checked_before_relative", "a duplicate with a bad relative fd is EEXIST", N3,
       [att("A"), att("A", flags=["BEFORE"], rel={"raw": 9999}), q()]),
    sc("link_create_stale", "LINK_CREATE with a stale revision creates nothing", N3,
       [lnk("A", "L1", rev=5), q(), lnk("A", "L1", rev=1), q()]),
    sc("link_create_replace_flag", "LINK_CREATE with REPLACE", N3,
       [att("A"), lnk("B", "L1", flags=["REPLACE"]), lnk("B", "L2", flags=["REPLACE"], rel=P("A")), q()]),
    sc("egress_then_ingress", "egress chain of veth0 then ingress chain of veth1", N4,
       [att("A", dev="veth0", hook="egress"), att("B", dev="veth0", hook="egress"), att("C"), att("D"),
        q(dev="veth0", hook="egress"), send()]),
]

detach = [
    sc("detach_program", "detach the middle program", N3,
       [att("A"), att("B"), att("C"), det("B"), q(), send()]),
    sc("detach_missing_program", "detach a program that is not attached", N3,
       [att("A"), det("B"), q()]),
    sc("detach_empty_hook", "detach on a hook without a chain", N3,
       [det("A"), det(None, flags=["BEFORE"]), q()]),
    sc("detach_link_owned", "PROG_DETACH of a program a link owns", N3,
       [lnk("A", "L1"), det("A"), q()]),
    sc("detach_head", "detach without program, BEFORE: the first entry", N3,
       [att("A"), att("B"), att("C"), det(None, flags=["BEFORE"]), q()]),
    sc("detach_tail", "detach without program, AFTER: the last entry", N3,
       [att("A"), att("B"), att("C"), det(None, flags=["AFTER"]), q()]),
    sc("detach_no_program_no_flags", "detach with neither program nor flags", N3,
       [att("A"), att("B"), det(None), q()]),
    sc("detach_head_link_busy", "detach the head when a link owns it", N3,
       [lnk("A", "L1"), att("B"), det(None, flags=["BEFORE"]), det(None, flags=["AFTER"]), q()]),
    sc("detach_with_consistent_before", "detach B, BEFORE C agrees", N3,
       [att("A"), att("B"), att("C"), det("B", flags=["BEFORE"], rel=P("C")), q()]),
    sc("detach_with_conflicting_after", "detach B, AFTER C disagrees", N3,
       [att("A"), att("B"), att("C"), det("B", flags=["AFTER"], rel=P("C")), det("B", flags=["BEFORE"], rel=P("A")), q()]),
    sc("detach_relative_only", "detach the entry before B and the one after A, no program", N4,
       [att("A"), att("B"), att("C"), att("D"), det(None, flags=["BEFORE"], rel=P("C")),
        det(None, flags=["AFTER", "ID"], rel=P("C"), by_id=True), q()]),
    sc("detach_replace_flag", "detach with REPLACE", N3,
       [att("A"), det("A", flags=["REPLACE"]), q()]),
    sc("detach_stale_revision", "detach with a stale and a matching revision", N3,
       [att("A"), att("B"), det("A", rev=2), det("A", rev=3), q()]),
    sc("detach_bad_flags", "detach with ALLOW_MULTI", N3,
       [att("A"), det("A", flags=["ALLOW_MULTI"]), q()]),
    sc("detach_relative_without_position", "detach with a relative but no BEFORE/AFTER", N3,
       [att("A"), att("B"), det(None, rel=P("A")), det("B", rel=P("A")), q()]),
    sc("detach_last_frees_chain", "the revision restarts once the chain is gone", N3,
       [att("A"), att("B"), det("A"), det("B"), q(), att("C"), q()]),
    sc("detach_relative_missing", "detach relative to a program that is not attached", N3,
       [att("A"), det(None, flags=["BEFORE"], rel=P("B")), det(None, flags=["AFTER"], rel={"raw": 9999}), q()]),
]

query = [
    sc("query_no_chain", "query an empty hook", N3, [q(), q(hook="egress"), q(dev="veth0")]),
    sc("query_count_zero", "count_in 0 returns the count only", N3,
       [att("A"), att("B"), att("C"), q(0)]),
    sc("query_short_buffer", "count_in below the count", N3,
       [att("A"), att("B"), att("C"), q(2), q(1), q(3)]),
    sc("query_revisions", "the revision after every change", N3,
       [att("A"), q(), att("B"), q(), att("C", flags=["REPLACE"], replace="A"), q(), det("B"), q()]),
    sc("query_mixed_links", "link ids beside plain programs", N4,
       [att("A"), lnk("B", "L1"), att("C"), lnk("D", "L2", flags=["BEFORE"]), q()]),
]

links = [
    sc("link_update", "update a link's program in place", N3,
       [lnk("A", "L1"), att("B"), upd("L1", "C"), q(), send(), op("link_info", link="L1")]),
    sc("link_update_old_prog", "update with the matching old program", N3,
       [lnk("A", "L1"), upd("L1", "B", old="A", flags=["REPLACE"]), q()]),
    sc("link_update_wrong_old_prog", "update with another old program", N3,
       [lnk("A", "L1"), upd("L1", "B", old="C", flags=["REPLACE"]), q()]),
    sc("link_update_old_prog_without_flag", "old_prog_fd without REPLACE", N3,
       [lnk("A", "L1"), upd("L1", "B", old="A"), q()]),
    sc("link_update_bad_flags", "update with BEFORE", N3,
       [lnk("A", "L1"), upd("L1", "B", flags=["BEFORE"]), q()]),
    sc("link_update_same_prog", "update to the program it has: no new revision", N3,
       [lnk("A", "L1"), q(), upd("L1", "A"), q()]),
    sc("link_update_to_attached_prog", "update to a program already in the chain", N3,
       [lnk("A", "L1"), att("B"), upd("L1", "B"), q()]),
    sc("link_update_after_detach", "update a detached link", N3,
       [lnk("A", "L1"), op("link_detach", link="L1"), upd("L1", "B"), q(), op("link_info", link="L1")]),
    sc("link_detach_twice", "LINK_DETACH twice, then relative to the detached link", N3,
       [lnk("A", "L1"), att("B"), op("link_detach", link="L1"), op("link_detach", link="L1"), q(),
        att("C", flags=["BEFORE", "LINK"], rel=L("L1"))]),
    sc("link_close_detaches", "closing the only fd detaches the link", N3,
       [att("A"), lnk("B", "L1", flags=["BEFORE"]), op("link_close", link="L1"), q(), send()]),
    sc("link_close_last_frees_chain", "the last link closed removes the chain", N3,
       [lnk("A", "L1"), op("link_close", link="L1"), q()]),
    sc("link_pin_survives_close", "a pinned link outlives its fd", N3,
       [lnk("A", "L1"), op("link_pin", link="L1", path="l1"), op("link_close", link="L1"), q(),
        op("link_get_pinned", path="l1", link="L2"), op("link_info", link="L2"),
        op("unpin", path="l1"), q(), op("link_close", link="L2"), q()]),
    sc("link_pin_twice", "pin two links under one path", N3,
       [lnk("A", "L1"), lnk("B", "L2"), op("link_pin", link="L1", path="p"), op("link_pin", link="L2", path="p"),
        op("link_pin", link="L1", path="q")]),
    sc("link_get_pinned_missing", "get a path nothing is pinned at", N3,
       [op("link_get_pinned", path="nothing", link="L9")]),
    sc("link_unpin_last_reference", "unpin after the fd is closed releases the link", N3,
       [lnk("A", "L1"), att("B"), op("link_pin", link="L1", path="l1"), op("link_close", link="L1"), q(),
        op("unpin", path="l1"), q()]),
    sc("link_detach_pinned", "LINK_DETACH of a pinned link; the pin stays", N3,
       [lnk("A", "L1"), op("link_pin", link="L1", path="l1"), op("link_detach", link="L1"), q(),
        op("link_get_pinned", path="l1", link="L2"), op("link_info", link="L2"), upd("L2", "B")]),
    sc("prog_close_plain_attachment", "a program attached without a link survives its fd", N3,
       [att("A"), att("C"), op("prog_close", prog="A"), q(), send()]),
    sc("prog_close_link_program", "a link keeps its program after the program fd closes", N3,
       [lnk("A", "L1"), op("prog_close", prog="A"), q(), op("link_info", link="L1"), upd("L1", "B"), q()]),
    sc("link_info_egress", "link info of an egress link on veth0", N3,
       [lnk("A", "L1", dev="veth0", hook="egress"), op("link_info", link="L1"), q(dev="veth0", hook="egress")]),
    sc("links_around_programs", "links and programs interleaved by anchors", N4,
       [lnk("A", "L1"), lnk("B", "L2", flags=["AFTER", "LINK"], rel=L("L1")),
        att("C", flags=["BEFORE", "LINK", "ID"], rel=L("L2"), by_id=True), att("D", flags=["BEFORE"]), q(), send()]),
    sc("link_update_then_relative", "anchors follow a link's new program", N4,
       [lnk("A", "L1"), att("B"), upd("L1", "C"), att("D", flags=["AFTER"], rel=P("C")),
        att("A", flags=["BEFORE"], rel=P("C")), q()]),
]

devices = [
    sc("dev_del_link", "device removal leaves the link alive but detached", N3,
       [lnk("A", "L1", dev="veth3"), att("B", dev="veth3"), op("dev_del", dev="veth2"), op("link_info", link="L1"),
        upd("L1", "C"), op("link_detach", link="L1"), q(dev="veth3"), att("C", dev="veth3")]),
    sc("dev_del_pinned_link", "a pinned link after its device goes", N3,
       [lnk("A", "L1", dev="veth2", hook="egress"), op("link_pin", link="L1", path="l1"), op("link_close", link="L1"),
        op("dev_del", dev="veth3"), op("link_get_pinned", path="l1", link="L2"), op("link_info", link="L2")]),
    sc("dev_del_then_reattach_program", "a program attached to a removed device can be attached again", N3,
       [att("A", dev="veth3"), op("dev_del", dev="veth3"), att("A", dev="veth1"), q()]),
    sc("redirect_ingress_to_other_pair", "ingress program redirects out of veth2", {"R": {"ret": "REDIRECT", "target": "veth2"}},
       [att("R"), send()]),
    sc("redirect_through_chains", "redirected frame passes veth2 egress and veth3 ingress",
       {"R": {"ret": "REDIRECT", "target": "veth2"}, "A": "NEXT", "B": "PASS"},
       [att("R"), att("A", dev="veth2", hook="egress"), att("B", dev="veth3"), send()]),
    sc("redirect_dropped_at_target", "the target's ingress drops the redirected frame",
       {"R": {"ret": "REDIRECT", "target": "veth2"}, "D": "DROP"},
       [att("R"), att("D", dev="veth3"), send()]),
    # No frame is sent after a dev_del: the recorder's receiver on veth3 fails once veth3 is gone
    # (ENETDOWN), so a redirect to a removed device is covered by the simulation's own tests.
    sc("egress_redirect_to_other_pair", "egress program of veth0 redirects to veth2",
       {"R": {"ret": "REDIRECT", "target": "veth2"}, "A": "NEXT"},
       [att("A", dev="veth0", hook="egress"), att("R", dev="veth0", hook="egress"), att("A"), send()]),
    sc("redirect_to_own_peer_ingress_chain", "egress redirect out of veth1 (toward veth0), not to a receiver",
       {"R": {"ret": "REDIRECT", "target": "veth1"}, "A": "NEXT"},
       [att("R", dev="veth0", hook="egress"), att("A", dev="veth2", hook="egress"), send()]),
    sc("redirect_zero_ifindex", "REDIRECT without a valid target", {"R": {"ret": "REDIRECT", "target": None}},
       [att("R"), send()]),
]

verdicts = [
    sc("verdict_drop_ingress", "DROP at ingress", {"A": "NEXT", "D": "DROP", "B": "PASS"},
       [att("A"), att("D"), att("B"), send()]),
    sc("verdict_drop_egress", "DROP at egress gives the sender ENOBUFS", {"D": "DROP", "B": "PASS"},
       [att("D", dev="veth0", hook="egress"), att("B"), send()]),
    sc("verdict_pass_ends_chain", "PASS ends the chain", {"A": "PASS", "D": "DROP"},
       [att("A"), att("D"), send()]),
    sc("verdict_all_next", "every program says NEXT", {"A": "NEXT", "B": "NEXT"},
       [att("A"), att("B"), send()]),
    sc("verdict_unknown_ends_chain", "an unknown code ends the chain and counts as NEXT", {"A": 3, "D": "DROP"},
       [att("A"), att("D"), send()]),
    sc("verdict_codes_1_4_5_6_8", "more codes that mean nothing to tcx", {"A": 1, "B": 4, "C": 5, "E": 6, "F": 8},
       [att("A"), send(), det("A"), att("B"), send(), det("B"), att("C"), send(), det("C"), att("E"), send(),
        det("E"), att("F"), send()]),
    sc("verdict_negative_and_large", "negative and large codes", {"A": -2, "B": 100, "C": -1000},
       [att("A"), send(), det("A"), att("B"), send(), det("B"), att("C"), send()]),
    sc("verdict_egress_unknown", "unknown code at egress then ingress drop", {"A": 3, "D": "DROP"},
       [att("A", dev="veth0", hook="egress"), att("D"), send()]),
    sc("verdict_several_packets", "three frames through a chain", {"A": "NEXT", "B": "PASS"},
       [att("A"), att("B"), send(3)]),
]

classic = [
    sc("classic_only", "a cls_bpf da filter without tcx programs", {"D": "DROP"},
       [op("tc_filter_add", dev="veth1", hook="ingress", prog="D"), q(), send()]),
    sc("classic_after_next", "tcx NEXT, then the classic filter drops", {"A": "NEXT", "D": "DROP"},
       [att("A"), op("tc_filter_add", dev="veth1", hook="ingress", prog="D"), q(), send()]),
    sc("classic_skipped_on_pass", "tcx PASS skips the classic filter", {"A": "PASS", "D": "DROP"},
       [att("A"), op("tc_filter_add", dev="veth1", hook="ingress", prog="D"), send()]),
    sc("classic_after_unknown", "an unknown tcx code lets the classic filter run", {"A": 3, "D": "DROP"},
       [att("A"), op("tc_filter_add", dev="veth1", hook="ingress", prog="D"), send()]),
    sc("classic_skipped_on_drop", "tcx DROP skips the classic filter", {"A": "DROP", "B": "PASS"},
       [att("A"), op("tc_filter_add", dev="veth1", hook="ingress", prog="B"), send()]),
    sc("classic_same_handle_twice", "a second filter at the same priority and handle", {"A": "PASS", "D": "DROP"},
       [op("tc_filter_add", dev="veth1", hook="ingress", prog="A"), op("tc_filter_add", dev="veth1", hook="ingress", prog="D"),
        send()]),
    sc("classic_qdisc_keeps_chain", "the clsact qdisc keeps an emptied tcx chain", {"A": "NEXT", "B": "PASS"},
       [att("A"), op("tc_filter_add", dev="veth1", hook="ingress", prog="B"), det("A"), q(), att("A"), q(),
        det("A"), op("tc_clsact_del", dev="veth1"), q(), send()]),
    sc("classic_qdisc_del", "deleting clsact removes the filter", {"A": "NEXT", "D": "DROP"},
       [att("A"), op("tc_filter_add", dev="veth1", hook="ingress", prog="D"), op("tc_clsact_del", dev="veth1"),
        q(), send(), op("tc_clsact_del", dev="veth1")]),
    sc("classic_unknown_code", "a classic filter returning an unknown code", {"A": 3},
       [op("tc_filter_add", dev="veth1", hook="ingress", prog="A"), send()]),
    sc("classic_stolen", "a classic filter returning TC_ACT_STOLEN", {"A": 4},
       [op("tc_filter_add", dev="veth1", hook="ingress", prog="A"), send()]),
    sc("classic_egress_drop", "a classic egress filter drops", {"A": "NEXT", "D": "DROP"},
       [att("A", dev="veth0", hook="egress"), op("tc_filter_add", dev="veth0", hook="egress", prog="D"), send()]),
    sc("classic_redirect", "a classic filter redirects", {"A": "NEXT", "R": {"ret": "REDIRECT", "target": "veth2"}},
       [att("A"), op("tc_filter_add", dev="veth1", hook="ingress", prog="R"), send()]),
    sc("classic_qdisc_both_hooks", "clsact creates the chain of both hooks", {"A": "NEXT"},
       [op("tc_filter_add", dev="veth1", hook="ingress", prog="A"), q(), q(hook="egress"), att("A", hook="egress"),
        q(hook="egress")]),
]

more = [
    sc("egress_link_update_then_send", "an egress link updated to a dropping program", {"A": "NEXT", "B": "PASS", "D": "DROP"},
       [lnk("A", "L1", dev="veth0", hook="egress"), att("B", dev="veth0", hook="egress"), send(),
        upd("L1", "D"), q(dev="veth0", hook="egress"), send()]),
    sc("query_short_with_links", "short buffers with link ids", N3,
       [lnk("A", "L1"), att("B"), lnk("C", "L2"), q(1), q(2), q(0)]),
    sc("detach_after_link", "detach the entry after a link, by position", N3,
       [lnk("A", "L1"), att("B"), att("C"), det(None, flags=["AFTER", "LINK"], rel=L("L1")), q()]),
    sc("detach_before_link_consistent", "detach a program BEFORE the link that follows it", N3,
       [att("A"), lnk("B", "L1"), det("A", flags=["BEFORE", "LINK"], rel=L("L1")), q()]),
    sc("detach_after_link_by_id", "detach after a link given by id", N3,
       [lnk("A", "L1"), att("B"), det(None, flags=["AFTER", "LINK", "ID"], rel=L("L1"), by_id=True), q()]),
    sc("pinned_link_detach_then_unpin", "detach a pinned link, unpin, info through the original fd", N3,
       [lnk("A", "L1"), op("link_pin", link="L1", path="l1"), op("link_detach", link="L1"), op("unpin", path="l1"),
        op("link_info", link="L1"), q(), op("link_close", link="L1"), q()]),
    sc("replaced_program_is_gone", "anchoring on a program replaced away", N4,
       [att("A"), att("B"), att("C", flags=["REPLACE"], replace="A"), att("D", flags=["BEFORE"], rel=P("A")),
        att("D", flags=["BEFORE"], rel=P("C")), q()]),
    sc("link_update_same_with_old_prog", "update to the same program with the REPLACE check", N3,
       [lnk("A", "L1"), upd("L1", "A", old="A", flags=["REPLACE"]), q(), upd("L1", "A", old="B", flags=["REPLACE"])]),
    sc("classic_behind_link", "a link's NEXT leads to the classic filter, also after the link closes", {"A": "NEXT", "D": "DROP"},
       [lnk("A", "L1"), op("tc_filter_add", dev="veth1", hook="ingress", prog="D"), send(), op("link_close", link="L1"),
        q(), send()]),
    sc("classic_egress_ok", "a classic egress filter returning TC_ACT_OK", {"A": "PASS", "B": "NEXT"},
       [op("tc_filter_add", dev="veth0", hook="egress", prog="A"), att("B"), send()]),
    sc("redirect_after_link_update", "a link updated to a redirecting program", {"A": "PASS", "R": {"ret": "REDIRECT", "target": "veth2"}},
       [lnk("A", "L1"), send(), upd("L1", "R"), send(), op("link_info", link="L1")]),
    sc("redirect_several_packets", "three frames redirected", {"R": {"ret": "REDIRECT", "target": "veth2"}},
       [att("R"), send(3)]),
    sc("other_hooks_not_on_path", "veth1's egress and veth0's ingress see nothing of veth0's frames", {"A": "NEXT", "B": "NEXT", "C": "PASS"},
       [att("A", hook="egress"), att("B", dev="veth0"), att("C"), send()]),
    sc("link_get_pinned_twice", "two fds from one pin, all closed then unpinned", N3,
       [lnk("A", "L1"), op("link_pin", link="L1", path="l1"), op("link_get_pinned", path="l1", link="L2"),
        op("link_get_pinned", path="l1", link="L3"), op("link_close", link="L1"), op("link_close", link="L2"), q(),
        op("link_close", link="L3"), q(), op("unpin", path="l1"), q()]),
    sc("link_create_on_removed_device", "LINK_CREATE and PROG_ATTACH to a removed device", N3,
       [op("dev_del", dev="veth2"), lnk("A", "L1", dev="veth3"), att("A", dev="veth2", hook="egress"),
        det("A", dev="veth3"), q(dev="veth2"), lnk("A", "L1")]),
    sc("all_links_detached_frees_chain", "LINK_DETACH of every link frees the chain", N3,
       [lnk("A", "L1"), lnk("B", "L2"), q(), op("link_detach", link="L1"), op("link_detach", link="L2"), q(),
        lnk("C", "L3"), q()]),
    sc("expected_revision_links", "expected_revision with LINK_CREATE and PROG_DETACH", N3,
       [lnk("A", "L1", rev=1), lnk("B", "L2", rev=1), lnk("B", "L2", rev=2), det(None, flags=["AFTER"], rev=3),
        att("C", rev=3), det("C", rev=3), det("C", rev=4), q()]),
    sc("link_replace_anchor_prog_attach", "PROG_ATTACH REPLACE with a LINK relative", N4,
       [att("A"), lnk("B", "L1"), att("C", flags=["REPLACE", "BEFORE", "LINK"], replace="A", rel=L("L1")), q()]),
]

MANY = {"P%02d" % i: "NEXT" for i in range(1, 65)}
limits = [
    sc("chain_full", "63 programs fit, the 64th is ERANGE", MANY,
       [att("P%02d" % i) for i in range(1, 65)] + [q(64), q(10),
        att("P64", flags=["REPLACE"], replace="P05"), att("P64", flags=["BEFORE"]), det("P01"),
        att("P01", flags=["BEFORE"]), q(2), send()]),
    sc("chain_full_links", "the 64th entry as a link", MANY,
       [att("P%02d" % i) for i in range(1, 64)] + [lnk("P64", "L1"), q(0)]),
]

GROUPS = {"attach": attach, "detach": detach, "query": query, "links": links, "devices": devices,
          "verdicts": verdicts, "classic": classic, "limits": limits, "more": more}

if __name__ == "__main__":
    total = 0
    for name, scs in GROUPS.items():
        with open(os.path.join(HERE, "scenarios", name + ".json"), "w") as f:
            json.dump({"scenarios": scs}, f, indent=1)
            f.write("\n")
        total += len(scs)
    print(total, "scenarios")
