"""Proxy statements and fund SAIs read for governance: people, committees, fund complex, meeting."""

from tandy.proxy.contract import proxy_json
from tandy.proxy.model import Committee, FundComplex, Meeting, Person, Proposal, Proxy, ProxyTable
from tandy.proxy.reader import read_proxy

__all__ = ["Committee", "FundComplex", "Meeting", "Person", "Proposal", "Proxy", "ProxyTable", "proxy_json", "read_proxy"]
